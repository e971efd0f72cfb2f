// The API families this harness knows, each a folder under families/ (see docs/design-decisions.md,
// "API families as plug-ins", for what a family provides). Registering a family is this one line.
export const FAMILY_IDS = ['skm', 'ncp-kms', 'ksig1'] as const;

export type FamilyId = (typeof FAMILY_IDS)[number];
