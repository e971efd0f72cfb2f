// Compiles the named schemas into ajv standalone ESM modules (2020-12 dialect, ajv-formats), so
// nothing is compiled at run time. Parameter validators coerce strings and live in their own
// module: coercion must never touch a response being judged.
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';
import type { NamedSchema } from './validator-schemas.ts';

// Annotations of the spec that are not validation keywords.
const ANNOTATIONS = ['x-skm-max-bytes', 'x-elided'];

function compiler(coerce: boolean, defs: object): Ajv2020.default {
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
  for (const keyword of ANNOTATIONS) ajv.addKeyword({ keyword });
  ajv.addSchema(defs);
  return ajv;
}

export function standaloneModule(schemas: NamedSchema[], defs: object, coerce: boolean): string {
  const ajv = compiler(coerce, defs);
  const exports: Record<string, string> = {};
  for (const s of schemas.filter((x) => x.coerce === coerce)) {
    ajv.addSchema({ $id: `validator-${s.name}`, ...s.schema });
    exports[s.name] = `validator-${s.name}`;
  }
  return standaloneCode.default(ajv, exports);
}
