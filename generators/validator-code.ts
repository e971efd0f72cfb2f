// Compiles the named schemas into ajv standalone ESM modules (2020-12 dialect, ajv-formats), so
// nothing is compiled at run time. Parameter validators coerce strings and live in their own
// module: coercion must never touch a response being judged.
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';
import type { NamedSchema } from './validator-schemas.ts';

// The spec's own annotations (x-max-bytes, x-elided, a family's x-...) are not validation keywords.
function annotations(schema: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const item of schema) annotations(item, found);
  else if (schema && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key.startsWith('x-')) found.add(key);
      annotations(value, found);
    }
  }
  return found;
}

function compiler(coerce: boolean, defs: object, schemas: NamedSchema[]): Ajv2020.default {
  const ajv = new Ajv2020.default({
    code: { source: true, esm: true, lines: true },
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    coerceTypes: coerce,
    unicodeRegExp: true,
  });
  addFormats.default(ajv);
  for (const keyword of annotations([defs, ...schemas.map((s) => s.schema)])) ajv.addKeyword({ keyword });
  ajv.addSchema(defs);
  return ajv;
}

export function standaloneModule(schemas: NamedSchema[], defs: object, coerce: boolean): string {
  const ajv = compiler(coerce, defs, schemas);
  const exports: Record<string, string> = {};
  for (const s of schemas.filter((x) => x.coerce === coerce)) {
    ajv.addSchema({ $id: `validator-${s.name}`, ...s.schema });
    exports[s.name] = `validator-${s.name}`;
  }
  return standaloneCode.default(ajv, exports);
}
