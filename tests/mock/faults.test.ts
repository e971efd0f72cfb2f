// The fault catalogue: enough faults across every category, each tied to requirements that exist, each
// listed in mock/README.md, and each one starts a mock that answers. (That each fault is caught is the
// harness's job: its suites run against the mock with every fault.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { requirements } from '../../generated/skm/requirements.ts';
import { FAULTS, UnknownFaultError } from '../../mock/faults.ts';
import { startMock } from '../../mock/index.ts';
import { assertErrorEnvelope, ok, startTestMock } from './support.ts';

test('at least 24 faults, unique names, every category, requirement ids from the catalogue', () => {
  assert.ok(FAULTS.length >= 24, `${FAULTS.length} faults`);
  assert.equal(new Set(FAULTS.map((f) => f.name)).size, FAULTS.length);
  assert.deepEqual([...new Set(FAULTS.map((f) => f.category))].sort(), ['auth', 'crypto', 'envelope', 'lifecycle', 'limits', 'robustness']);
  const ids = new Set(requirements.map((r) => r.id));
  for (const f of FAULTS) {
    assert.ok(f.requirements.length > 0, `${f.name} names no requirement`);
    for (const id of f.requirements) assert.ok(ids.has(id), `${f.name}: ${id} is not in spec/skm/requirements.yaml`);
  }
});

test('mock/README.md lists every fault with its description', () => {
  const readme = readFileSync(new URL('../../mock/README.md', import.meta.url), 'utf8');
  for (const f of FAULTS) assert.ok(readme.includes(`| \`${f.name}\` | ${f.category} | ${f.description} |`), `README row for ${f.name}`);
});

test('every fault starts and the mock answers with the envelope', async () => {
  for (const f of FAULTS) {
    const m = await startTestMock({ faults: [f.name] });
    try {
      ok(await m.call('getClientInfo_v1_0'));
      const unknown = await m.send('GET', '/keymanager/v1.0/nowhere');
      if (f.name === 'error-5xx-on-unknown-url') assert.equal(unknown.status, 500);
      else if (f.name !== 'error-as-success') assertErrorEnvelope(unknown);
    } finally {
      await m.close();
    }
  }
});

test('an unknown fault name is refused before anything starts', async () => {
  await assert.rejects(startMock({ faults: ['no-such-fault'], quiet: true, profileDir: '/nonexistent/never-written' }), UnknownFaultError);
});
