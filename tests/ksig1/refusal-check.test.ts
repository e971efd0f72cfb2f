// A KSig1 refusal is only ever judged next to a positive control: no suite imports the refusal oracles,
// and a Control that control() did not make is rejected before anything is sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { breakingNamed } from '../../families/ksig1/auth/breakings.ts';
import { Expectations } from '../../families/ksig1/harness/expectations.ts';
import { expectRefused, expectServedOrRefused, MissingControlError, type Control } from '../../families/ksig1/harness/refusal-check.ts';

test('a breaking judged against a control that control() did not make is rejected, and nothing is sent', async () => {
  let sent = 0;
  const client = { broken: async () => void sent++, signed: async () => void sent++, send: async () => void sent++ };
  const forged = { client, request: { method: 'GET', path: '/' }, toSign: {}, exchange: undefined } as unknown as Control;
  const expectations = new Expectations({} as never);
  await assert.rejects(expectRefused(forged, breakingNamed('wrong-signature'), expectations), MissingControlError);
  await assert.rejects(expectServedOrRefused(forged, breakingNamed('old-timestamp'), expectations), MissingControlError);
  assert.equal(sent, 0);
});

test('no suite imports the refusal oracles', () => {
  const dir = new URL('../../families/ksig1/suites/', import.meta.url);
  const suites = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  assert.ok(suites.length > 0);
  assert.deepEqual(suites.filter((f) => readFileSync(new URL(f, dir), 'utf8').includes('refusal-oracles')), []);
});
