// A refusal is only ever judged next to a positive control: a suite cannot import the refusal
// oracles (lint), and a Control that control() did not make is rejected before anything is sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { expectRefused, expectRefusedOrSucceeds, MissingControlError, type Control } from '../../harness/refusal-check.ts';
import { expectationsOf } from '../../harness/oracles/expectations.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

test('a suite that imports the refusal oracles fails lint', async () => {
  const eslint = new ESLint({ cwd: ROOT });
  const code = "import { refused } from '../../../harness/oracles/refusal.ts';\nexport const r = refused;\n";
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}families/skm/suites/endpoints/no-control.spec.ts` });
  assert.deepEqual(result.messages.map((m) => m.ruleId), ['no-restricted-imports']);
  const [outside] = await eslint.lintText(code, { filePath: `${ROOT}harness/elsewhere.ts` });
  assert.deepEqual(outside.messages, []);
});

test('a refusal judged against a control that control() did not make is rejected, and nothing is sent', async () => {
  let sent = 0;
  const skm = { call: async () => void sent++, send: async () => void sent++ };
  const forged = { skm, operationId: 'symmetricEncrypt_v1_0', opts: {}, exchange: undefined, body: {} } as unknown as Control;
  const refusal = { expectations: expectationsOf({} as never), breaking: { keyId: 'x' } };
  await assert.rejects(expectRefused(forged, refusal), MissingControlError);
  await assert.rejects(expectRefusedOrSucceeds(forged, refusal, () => undefined), MissingControlError);
  assert.equal(sent, 0);
});
