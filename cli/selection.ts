// Which tests a run selects: certification profiles through their tags (@core), variants (SKM's API
// versions, NCP's signature versions) through the tests' variants (harness/variants.ts), and the user's
// own --grep. A test runs under --versions only when every variant it calls is among them, so a run
// sends nothing in another version. A family none of whose variants is named keeps them all.
import { grepForVariants } from '../harness/variants.ts';
import { FAMILIES, type FamilyData } from '../harness/family.ts';
import { familyVariants } from '../reports/environment.ts';
import type { Profile } from '../reports/model.ts';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Playwright --grep / --grep-invert for the profiles, API versions and user grep asked for. */
export function selection(
  profiles: Profile[] | undefined,
  versions: string[] | undefined,
  grep: string | undefined,
  families: readonly FamilyData[] = FAMILIES,
): { grep?: string; grepInvert?: string } {
  const out: { grep?: string; grepInvert?: string } = {};
  if (profiles) {
    const tags = `(?=.*(?:${profiles.map((p) => `@${escapeRe(p)}`).join('|')})(?![\\w-]))`;
    out.grep = `^${tags}${grep ? `(?=.*(?:${grep}))` : ''}`;
  } else if (grep) out.grep = grep;
  const others = families.flatMap((f) => (familyVariants(f, versions) ? f.variants.filter((v) => !versions!.includes(v)) : []));
  if (others.length > 0) out.grepInvert = grepForVariants(others);
  return out;
}
