// The generated folder is exactly what the spec produces, generation is fast, and loading every
// validator is cheap (they are compiled ahead of time, never at run time).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { familiesModule, generateAll } from '../../generators/generate.ts';

const root = new URL('../../', import.meta.url).pathname;

test('generated/ is byte for byte a fresh generation, made in under 5 s', async () => {
  const started = performance.now();
  const all = await generateAll();
  const ms = performance.now() - started;
  assert.deepEqual(readdirSync(`${root}generated`).sort(), [...all.keys(), 'families.ts'].sort());
  assert.ok(readFileSync(`${root}generated/families.ts`, 'utf8') === familiesModule(), 'generated/families.ts drifted: run npm run generate');
  for (const [folder, files] of all) {
    assert.deepEqual(readdirSync(`${root}generated/${folder}`).sort(), [...files.keys()].sort());
    for (const [name, text] of files) {
      assert.ok(readFileSync(`${root}generated/${folder}/${name}`, 'utf8') === text, `generated/${folder}/${name} drifted from its source: run npm run generate`);
    }
  }
  assert.ok(ms < 5000, `generation took ${Math.round(ms)} ms`);
});

test('loading every validator takes under 100 ms', () => {
  const script = `const t=performance.now();await import('./generated/skm/validators.js');await import('./generated/skm/params.js');await import('./generated/targets/validate-target.js');console.log(performance.now()-t)`;
  const ms = Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' }));
  assert.ok(ms < 100, `loading took ${ms.toFixed(1)} ms`);
});
