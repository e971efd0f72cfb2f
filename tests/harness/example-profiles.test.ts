// The example profiles in targets/ stay valid against the schema they document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import validateTarget from '../../generated/targets/validate-target.js';

const dir = new URL('../../targets/', import.meta.url).pathname;

for (const name of readdirSync(dir).filter((f) => f.endsWith('.example.yaml'))) {
  test(`targets/${name} is a valid target profile`, () => {
    const doc = parse(readFileSync(dir + name, 'utf8'));
    assert.ok(validateTarget(doc), JSON.stringify(validateTarget.errors));
  });
}
