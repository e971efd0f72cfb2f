// `kms-conformance validate-target`: checks a target profile of any family (schema, files it names, ${ENV}
// values) and says what a run against it could not cover; --probe also checks that it answers within
// the profile's limits.
import { loadTarget } from '../harness/profile/load-target.ts';
import { probeTarget } from '../harness/probe-target.ts';
import { maskCredential } from '../harness/redaction.ts';
import { ConfigError } from '../harness/config-error.ts';
import { responseLimits } from '../harness/http/limits.ts';
import { parse } from './args.ts';
import { FAMILY_IDS } from '../families/registry.ts';
import { loadPlugin } from '../harness/family-plugin.ts';
import { targetFamily } from '../harness/profile/target-family.ts';

export const VALIDATE_HELP = `Usage: kms-conformance validate-target [--probe] FILE

Checks a target profile against the schema of the family it names (family: skm checks against
targets/target.schema.json, ncp-kms and ksig1 against families/<id>/spec/target.schema.json), the files it
names and its \${ENV} values; for SKM it lists the optional fixtures it lacks (their tests will be
"not covered").

Options:
  --probe       SKM: also send one request to the target to check that it answers within the
                profile's limits (limits.responseBytes, limits.responseSeconds)
  -h, --help    this text

Exit code: 0 valid, 2 not (one line saying which field).`;

const FIXTURES = ['ipv4Denied', 'ipv4Allowed', 'ipv4NotInService', 'mac', 'certificate', 'allMethods', 'scheduledForDeletion', 'rotated', 'invalidKeyStatus', 'otherTenant'] as const;

export async function validateTarget(argv: string[]): Promise<number> {
  const { values, positionals } = parse('validate-target', argv, { probe: { type: 'boolean' } }, true);
  if (values.help) {
    console.log(VALIDATE_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new ConfigError('validate-target: name one target profile file (see kms-conformance validate-target --help)');
  const family = targetFamily(positionals[0], FAMILY_IDS);
  if (family !== 'skm') {
    const { summary } = (await loadPlugin(family)).describeTarget(positionals[0]);
    console.log(`${positionals[0]}: a valid ${family} target profile`);
    console.log(`  ${summary.name} at ${summary.baseUrl}, variants ${summary.variants.join(', ')}${summary.credential ? `, credential ${summary.credential}` : ''}`);
    return 0;
  }
  const target = loadTarget(positionals[0]);
  const p = target.profile;
  if (values.probe) await probeTarget(target);
  const fixtures = (p.fixtures ?? {}) as Record<string, unknown>;
  const missing = FIXTURES.filter((f) => fixtures[f] === undefined);
  const keys = (['secret', 'symmetric', 'asymmetric'] as const).filter((k) => !p.keys[k]);
  console.log(`${positionals[0]}: a valid target profile${values.probe ? ' that answers' : ''}`);
  console.log(`  ${p.name ?? '(unnamed)'} at ${p.baseUrl}, API ${p.apiVersions.join(', ')}, appkey ${maskCredential(p.appkey)}`);
  if (keys.length > 0) console.log(`  no keys.${keys.join(', keys.')}: their tests will be not covered`);
  console.log(missing.length > 0 ? `  fixtures missing (their tests will be not covered): ${missing.join(', ')}` : '  every optional fixture is present');
  if (!p.provisioning?.allowed) console.log('  provisioning not allowed: key creation and deletion tests will be not covered');
  const limits = responseLimits(p);
  console.log(`  answers read up to ${limits.bytes} bytes and ${limits.seconds} s per request${p.limits ? '' : ' (the defaults)'}`);
  return 0;
}
