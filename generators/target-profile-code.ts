// The target profile's validator and type, from targets/target.schema.json, so loading a profile
// compiles nothing at run time and the harness's profile type cannot drift from its schema.
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { compile } from 'json-schema-to-typescript';

export function targetValidatorModule(schema: object): string {
  const ajv = new Ajv2020.default({ code: { source: true, esm: true, lines: true }, allErrors: true, strict: true, strictRequired: false });
  return standaloneCode.default(ajv, ajv.compile(schema)).replace('"use strict";', '');
}

export function targetTypeModule(schema: object, banner: string): Promise<string> {
  return compile(schema as never, 'TargetProfile', { bannerComment: banner, format: false, additionalProperties: false });
}
