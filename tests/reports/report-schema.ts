// conformance.json's schema (reports/conformance.schema.json), compiled strict, with its formats.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export function reportValidator() {
  const schema = JSON.parse(readFileSync(new URL('../../reports/conformance.schema.json', import.meta.url), 'utf8'));
  const ajv = new Ajv2020.default({ allErrors: true, strict: true });
  addFormats.default(ajv);
  return ajv.compile(schema);
}
