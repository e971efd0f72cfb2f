// confirm: client information, and the envelope every data operation shares.
// Sources: skm-api-v1.0-v1.1.ko.md#클라이언트-정보-조회, skm-api-v1.2.ja.md#クライアント情報照会
import { isIP } from 'node:net';
import { test, requirement, needVersion, versionsOf } from '../../../../harness/test.ts';
import { variant } from '../../../../harness/variants.ts';
import { succeeds } from '../../../../harness/oracles/success.ts';
import { ConformanceFailure } from '../../../../harness/oracles/conformance-failure.ts';
import { operationId } from '../../../../harness/http/skm-client.ts';

for (const version of versionsOf('getClientInfo')) {
  test.describe(`confirm ${version}`, variant(version), () => {
    test(
      'answers with the success envelope and the client fields',
      requirement('SKM-ENV-HDR-001', 'SKM-ENV-SUC-001', 'SKM-CFM-BODY-001', 'SKM-CFM-BODY-002', 'SKM-GEN-V10-001'),
      async ({ skm, target }) => {
        needVersion(target, version);
        succeeds(await skm.call(operationId('getClientInfo', version)));
      },
    );

    test('uses the certificate flag name the profile expects', requirement('SKM-CFM-BODY-003'), async ({ skm, target, expectations }) => {
      needVersion(target, version);
      const body = succeeds<Record<string, unknown>>(await skm.call(operationId('getClientInfo', version)));
      // SHOULD: the field table's spelling, unless the profile pinned the example's.
      // Unpinned (certificateField any), either spelling is only recorded: the examples use the other one.
      const field = expectations.strict.has('SKM-CFM-BODY-003') ? 'clientSentCertificate' : expectations.certificateField;
      const wanted = field === 'any' ? ['clientSentCertificate', 'clientSentCerfificate'] : [field];
      if (!wanted.some((w) => w in body)) {
        throw new ConformanceFailure({ oracle: 'fieldName', title: 'Certificate flag spelled otherwise', expected: `a field ${wanted.join(' or ')}`, received: Object.keys(body).join(', ') });
      }
    });

    test('reports the address the call came from', requirement('SKM-CFM-IP-001'), async ({ skm, target }) => {
      needVersion(target, version);
      const ex = await skm.call(operationId('getClientInfo', version));
      const body = succeeds<{ clientIp: string }>(ex);
      const host = new URL(target.profile.baseUrl).hostname;
      // Only a loopback target tells us from outside which address it saw; elsewhere NAT hides it.
      const expected = host === '127.0.0.1' || host === 'localhost' ? '127.0.0.1' : undefined;
      // An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is the same address.
      const seen = body.clientIp?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
      if (isIP(body.clientIp) === 0 || (expected && seen !== expected)) {
        throw new ConformanceFailure({ oracle: 'clientIp', title: 'Wrong client address', expected: expected ?? 'an IP address', received: JSON.stringify(body.clientIp), exchange: ex });
      }
    });
  });
}
