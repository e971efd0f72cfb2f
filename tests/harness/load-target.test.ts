// A profile that cannot be used is refused with one line naming the field, never a stack trace: also a
// CA file or a client certificate that exists but does not open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTarget } from '../../harness/profile/load-target.ts';
import { ConfigError } from '../../harness/config-error.ts';
import { tempDir } from '../temp-dir.ts';
import { P12_PASSPHRASE, writeTlsFiles } from './tls-files.ts';

const dir = tempDir('skm-profile-');
const minimal = 'profileVersion: 1\nfamily: skm\nbaseUrl: https://127.0.0.1:1\napiVersions: [v1.0]\nappkey: ${TEST_APPKEY}\nkeys: { symmetric: { id: abc } }\n';

function profile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function refusal(path: string, env: NodeJS.ProcessEnv = { TEST_APPKEY: 'appkey-1234' }): string {
  try {
    loadTarget(path, env);
  } catch (e) {
    assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${(e as Error).stack}`);
    assert.ok(!e.message.includes('\n'), `more than one line: ${e.message}`);
    return e.message;
  }
  assert.fail('the profile was accepted');
}

test('a valid profile loads, with ${ENV} substituted and remembered', () => {
  const t = loadTarget(profile('ok.yaml', minimal), { TEST_APPKEY: 'appkey-1234' });
  assert.equal(t.profile.appkey, 'appkey-1234');
  assert.equal(t.fromEnv.get('appkey-1234'), 'TEST_APPKEY');
});

test('a missing file is named', () => {
  assert.match(refusal(join(dir, 'nope.yaml')), /nope\.yaml: cannot be read \(ENOENT\)/);
});

test('invalid YAML is reported', () => {
  assert.match(refusal(profile('bad.yaml', 'baseUrl: [unclosed\n')), /not valid YAML/);
});

test('a missing field is named', () => {
  assert.match(refusal(profile('nokeys.yaml', minimal.replace(/keys:.*\n/, ''))), /field keys must have required property/);
});

test('a wrong value names its field', () => {
  assert.match(refusal(profile('badver.yaml', minimal.replace('[v1.0]', '[v9]'))), /field apiVersions\.0 must be equal to one of the allowed values/);
});

test('an unset environment variable is named with its field', () => {
  assert.match(refusal(profile('env.yaml', minimal), {}), /appkey uses \$\{TEST_APPKEY\}, which is not set/);
});

test('a file the profile names must exist', () => {
  assert.match(refusal(profile('ca.yaml', `${minimal}tls: { ca: missing-ca.pem }\n`)), /field tls\.ca names missing-ca\.pem, which does not exist/);
});

test('v1.2 needs credentials', () => {
  assert.match(refusal(profile('v12.yaml', minimal.replace('[v1.0]', '[v1.0, v1.2]'))), /field credentials is required/);
});

const tls = writeTlsFiles(dir);
const withTls = (ca: string, p12: string, passphrase?: string) =>
  `${minimal}tls: { ca: ${ca} }\nfixtures:\n  certificate:\n    keys: { secret: s }\n    valid: { pkcs12: ${p12}${passphrase === undefined ? '' : `, passphrase: "${passphrase}"`} }\n`;

test('a CA and a client certificate that open are accepted', async () => {
  await tls;
  const t = loadTarget(profile('tls-ok.yaml', withTls('ca.pem', 'client.p12', P12_PASSPHRASE)), { TEST_APPKEY: 'appkey-1234' });
  assert.equal(t.profile.fixtures?.certificate?.valid.pkcs12, 'client.p12');
});

test('a client certificate that does not open with its passphrase, or is corrupt, is named', async () => {
  await tls;
  const field = /^target profile \S+: field fixtures\.certificate\.valid\.pkcs12 names /;
  const wrong = refusal(profile('p12-wrong.yaml', withTls('ca.pem', 'client.p12', 'wrong')));
  assert.match(wrong, field);
  assert.match(wrong, /client\.p12, which does not open as PKCS#12 with fixtures\.certificate\.valid\.passphrase \(mac verify failure\)$/);
  assert.match(refusal(profile('p12-none.yaml', withTls('ca.pem', 'client.p12'))), /client\.p12, which does not open as PKCS#12 without a passphrase/);
  const corrupt = refusal(profile('p12-corrupt.yaml', withTls('ca.pem', 'corrupt.p12', P12_PASSPHRASE)));
  assert.match(corrupt, field);
  assert.match(corrupt, /corrupt\.p12, which does not open as PKCS#12/);
});

test('a tls.ca that is not a certificate is named', async () => {
  await tls;
  assert.match(refusal(profile('ca-text.yaml', withTls('not-a-cert.pem', 'client.p12', P12_PASSPHRASE))), /: field tls\.ca names not-a-cert\.pem, which holds no PEM certificate$/);
  assert.match(refusal(profile('ca-block.yaml', withTls('bad-block.pem', 'client.p12', P12_PASSPHRASE))), /: field tls\.ca names bad-block\.pem, which cannot be read as PEM certificates \(/);
  assert.match(refusal(profile('ca-folder.yaml', withTls('.', 'client.p12', P12_PASSPHRASE))), /: field tls\.ca names \., which cannot be read as PEM certificates \(EISDIR/);
});
