// Every breaking against the gate over real HTTP, each after its positive control (the same request
// correctly signed over the same elements, served): the reference answers exactly the pinned reading,
// the alternate personality a reading the lenient checks accept; the harness's detection finds how each
// personality builds its string to sign.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BREAKINGS, controlInput } from '../../families/ksig1/auth/breakings.ts';
import { DETECTION_ELEMENTS, detectConventions } from '../../families/ksig1/auth/detect.ts';
import { signedHeaders } from '../../families/ksig1/auth/signer.ts';
import { Ksig1Client } from '../../families/ksig1/client.ts';
import { GET_CONTROL, POST_CONTROL, served, started, verdict, type Started } from './support.ts';

async function judgeAll(s: Started, strict: boolean): Promise<string[]> {
  const wrong: string[] = [];
  for (const control of [GET_CONTROL, POST_CONTROL]) {
    for (const breaking of BREAKINGS) {
      const signed = signedHeaders(controlInput(breaking, s.client.toSign(control)));
      const positive = await s.client.send({ ...control, headers: signed });
      if (!served(positive)) wrong.push(`${control.method} ${breaking.name}: control ${positive.status} ${JSON.stringify(positive.body)}`);
      const problem = verdict(breaking, await s.client.broken(control, breaking, s.ctx), strict);
      if (problem) wrong.push(`${control.method} ${breaking.name}: ${problem}`);
    }
  }
  return wrong;
}

test('the reference answers every breaking with the pinned reading, after its control was served', async () => {
  assert.deepEqual(await judgeAll(await started(), true), []);
});

test('the alternate personality meets every lenient check, and some strict ones are not met', async () => {
  const s = await started({ personality: 'alternate' });
  assert.deepEqual(await judgeAll(s, false), []);
  const strictMisses = await judgeAll(s, true);
  for (const name of ['old-timestamp', 'signed-elements-omitted', 'api-key-not-listed']) assert.ok(strictMisses.some((m) => m.includes(name)), name);
});

test('detection finds each personality\'s signing choices, the default first', async () => {
  for (const personality of ['reference', 'alternate']) {
    const { mock } = await started({ personality });
    const found = await detectConventions(async (conventions) => {
      const client = new Ksig1Client({ baseUrl: mock.baseUrl, credentials: mock.credentials, conventions });
      return served(await client.signed(POST_CONTROL, DETECTION_ELEMENTS));
    });
    assert.deepEqual(found, mock.conventions, personality);
  }
});

test('a signature made the other personality\'s way is a mismatch', async () => {
  const reference = await started();
  const alternate = await started({ personality: 'alternate' });
  const crossed = new Ksig1Client({ baseUrl: reference.mock.baseUrl, credentials: reference.mock.credentials, conventions: alternate.mock.conventions });
  const answer = await crossed.signed(POST_CONTROL, DETECTION_ELEMENTS);
  assert.equal(answer.status, 401);
  assert.equal((answer.body as { errors: { code: string }[] }).errors[0].code, 'AUTH_SIGNATURE_MISMATCH');
});

test('the protected resource answers what the gate admits: stored, read back, unknown ids and bodies refused', async () => {
  const { client } = await started();
  const created = await client.signed(POST_CONTROL);
  assert.equal(created.status, 201);
  const { id } = created.body as { id: string };
  assert.equal(((await client.signed({ method: 'GET', path: `/applications/${id}` })).body as { legalName: string }).legalName, 'Conformance Test LLC');
  assert.equal((await client.signed({ method: 'GET', path: '/applications/none' })).status, 404);
  assert.equal((await client.signed({ method: 'POST', path: '/applications', body: '[1]' })).status, 400);
});
