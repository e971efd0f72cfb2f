// What a registered family gives the core at run time, found by convention (families/registry.ts names
// the family; everything else follows from its id): its suites in families/<id>/suites/, its plug-in in
// families/<id>/plugin.ts, its environment variables under one prefix (<PREFIX>_TARGET,
// <PREFIX>_MOCK_FAULTS, ...). The Playwright config, the global setup, the reporter and the CLI read a
// family only through here, so a new family needs no edit in any of them.
import type { Redactor } from './redaction.ts';

export interface TargetSummary {
  name: string;
  baseUrl: string;
  /** the variants the profile declares (SKM: API versions; NCP: signature versions) */
  variants: string[];
  /** the credential that names the caller, masked */
  credential?: string;
  /** the profile's `calibration` block: its expectations were pinned against this target on this date */
  calibration?: CalibrationBlock;
}

/** A target profile's `calibration` block, written by `kms-conformance calibrate`. */
export interface CalibrationBlock {
  target: string;
  date: string;
  record?: string;
}

export interface FamilyPlugin {
  /** Before the family's suites: without <PREFIX>_TARGET it starts the embedded mock and points that
   *  variable at the profile the mock writes; then it checks the target. A target that cannot be used is
   *  one line and exit code 2. Returns what stops what it started. */
  globalSetup(): Promise<(() => Promise<void>) | undefined>;
  /** The target profile at `path`, for the report: what it names, and a redactor for its secrets. */
  describeTarget(path: string): { summary: TargetSummary; redactor: Redactor };
}

/** SKM -> SKM, ncp-kms -> NCP_KMS: the prefix of a family's environment variables. */
export function envPrefix(familyId: string): string {
  return familyId.toUpperCase().replace(/-/g, '_');
}

export function targetEnv(familyId: string): string {
  return `${envPrefix(familyId)}_TARGET`;
}

export function mockFaultsEnv(familyId: string): string {
  return `${envPrefix(familyId)}_MOCK_FAULTS`;
}

/** Relative to the repository root, as the Playwright config names a project's testDir. */
export function suitesDir(familyId: string): string {
  return `families/${familyId}/suites`;
}

export async function loadPlugin(familyId: string): Promise<FamilyPlugin> {
  const module = (await import(`../families/${familyId}/plugin.ts`)) as { default: FamilyPlugin };
  return module.default;
}
