// Malformed authentication headers are refused with a 4xx, never a 5xx (KSIG-ROB-GEN-001), and the gate
// keeps serving (KSIG-ROB-ALIVE-001). Each case is a correctly signed request, served first as its control,
// with one header then spoiled. Statements and sources: spec/requirements.yaml.
import { attribute, ensure } from '../../../harness/oracles/conformance-failure.ts';
import { notAServerError } from '../../../harness/oracles/server-error.ts';
import { HEADERS, signRequest, type SignedHeaders } from '../auth/signer.ts';
import { served, shown } from '../harness/oracles.ts';
import { control } from '../harness/refusal-check.ts';
import { checks, test } from '../harness/test.ts';

const GENERAL = 'KSIG-ROB-GEN-001';
const ALIVE = 'KSIG-ROB-ALIVE-001';

interface Case {
  what: string;
  header: string;
  /** the spoiled value, from the correct one */
  value: (correct: string) => string;
}

const CASES: Case[] = [
  { what: 'an empty Authorization', header: HEADERS.authorization, value: () => '' },
  { what: 'Authorization of blanks', header: HEADERS.authorization, value: () => '   ' },
  { what: 'the scheme word in lower case', header: HEADERS.authorization, value: (v) => v.replace('KSig1', 'ksig1') },
  { what: 'two blanks after the scheme word', header: HEADERS.authorization, value: (v) => v.replace(' ', '  ') },
  { what: 'a signature of 6,000 characters', header: HEADERS.authorization, value: (v) => `${v.split(' ')[0]} ${'A'.repeat(6000)}` },
  { what: 'a signature with a Latin-1 letter', header: HEADERS.authorization, value: (v) => `${v}é` },
  { what: 'an empty X-API-Key', header: HEADERS.apiKey, value: () => '' },
  { what: 'an X-API-Key of 2,000 characters', header: HEADERS.apiKey, value: () => `sb_${'k'.repeat(2000)}` },
  { what: 'an empty X-API-Auth-Token', header: HEADERS.authToken, value: () => '' },
  { what: 'X-API-Signed-Elements of separators only', header: HEADERS.signedElements, value: () => ';;;' },
  { what: 'API-Key listed twice', header: HEADERS.signedElements, value: (v) => `API-Key;${v}` },
  { what: 'an unknown element listed', header: HEADERS.signedElements, value: (v) => `${v};Body-SHA512` },
  { what: 'URL-Path listed ("not supported yet")', header: HEADERS.signedElements, value: (v) => `${v};URL-Path` },
  { what: '1,000 separators in X-API-Signed-Elements', header: HEADERS.signedElements, value: (v) => `${v}${';'.repeat(1000)}` },
  { what: 'a Timestamp that is not a number', header: HEADERS.timestamp, value: () => 'yesterday' },
  { what: 'a negative Timestamp', header: HEADERS.timestamp, value: () => '-1' },
  { what: 'a Timestamp of 30 digits', header: HEADERS.timestamp, value: () => '9'.repeat(30) },
  { what: 'an X-API-Content-Hash that is not a digest', header: HEADERS.contentHash, value: () => 'not a digest' },
  { what: 'an empty X-API-Nonce', header: HEADERS.nonce, value: () => '' },
];

const spoiled = (headers: SignedHeaders, k: Case): SignedHeaders => ({ ...headers, [k.header]: k.value(headers[k.header] ?? '') });

test.describe('robustness', () => {
  for (const k of CASES) {
    test(`${k.what} is refused with a 4xx`, checks(GENERAL), async ({ ksig, target }) => {
      const c = await control(ksig, target.profile.controls[0]);
      const signed = signRequest(c.toSign);
      const ex = await ksig.send({ ...signed, headers: spoiled(signed.headers, k) }, c.request.contentType);
      await attribute(GENERAL, () => {
        notAServerError(ex);
        const status = ex.response!.status;
        ensure(status >= 400, { oracle: 'robustness', title: 'Malformed header not refused', expected: 'HTTP 4xx', received: shown(ex), exchange: ex });
      });
    });
  }

  test('after every malformed request, a correctly signed one is still served', checks(ALIVE), async ({ ksig, target }) => {
    const c = await control(ksig, target.profile.controls[0]);
    const signed = signRequest(c.toSign);
    for (const k of CASES) await ksig.send({ ...signed, headers: spoiled(signed.headers, k) }, c.request.contentType);
    const again = await ksig.signed(c.request, ksig.toSign(c.request, c.toSign.elements ?? []));
    await attribute(ALIVE, () => served(again, 'the correctly signed request after the malformed ones'));
  });
});
