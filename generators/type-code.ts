// TypeScript types for every component schema of the spec and a typed declaration of every
// generated validator, so the mock, harness and suites never describe a body by hand.
import { compile } from 'json-schema-to-typescript';
import { DEFS_ID, type NamedSchema } from './validator-schemas.ts';

type Json = Record<string, unknown>;

export async function typesModule(defs: Json, banner: string): Promise<string> {
  const names = Object.keys(defs.$defs as Json);
  // A root that names every definition makes the compiler emit each of them under its title.
  const root = { title: 'SpecSchemas', type: 'object', properties: Object.fromEntries(names.map((n) => [n, { $ref: `#/$defs/${n}` }])), $defs: defs.$defs };
  const text = JSON.stringify(root).replaceAll(`"${DEFS_ID}#/$defs/`, '"#/$defs/');
  return compile(JSON.parse(text), 'SpecSchemas', {
    bannerComment: banner,
    format: false,
    additionalProperties: true,
    unreachableDefinitions: true,
    declareExternallyReferenced: true,
  });
}

function typeOf(schema: Json): string {
  const ref = schema.$ref;
  if (typeof ref === 'string') return `T.${ref.split('/').pop()}`;
  return 'Record<string, unknown>';
}

export function validatorDeclarations(schemas: NamedSchema[], coerce: boolean, banner: string): string {
  const lines = [banner, "import type { ValidateFunction } from 'ajv';", "import type * as T from './types.ts';", ''];
  for (const s of schemas.filter((x) => x.coerce === coerce)) {
    lines.push(`export declare const ${s.name}: ValidateFunction<${typeOf(s.schema)}>;`);
  }
  return lines.join('\n') + '\n';
}
