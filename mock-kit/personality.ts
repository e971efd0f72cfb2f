// What every family's mock shares about its personalities: `reference` plays one reading of each open
// point of its documents, `alternate` plays every switch, another reading the documents allow. The
// switches themselves, and what each changes, belong to the family's mock.
export interface PersonalitySwitch {
  name: string;
  description: string;
  /** catalogue requirements whose open point the switch plays the other way */
  requirements: readonly string[];
}

export const PERSONALITIES = ['reference', 'alternate'] as const;
export type PersonalityName = (typeof PERSONALITIES)[number];

export class UnknownPersonalityError extends Error {}

export function isPersonalityName(text: string): text is PersonalityName {
  return (PERSONALITIES as readonly string[]).includes(text);
}

/** The switches one mock instance plays: none for the reference, every one for the alternate. */
export class SwitchedPersonality<Switch extends string> {
  readonly name: PersonalityName;

  constructor(name: string = 'reference') {
    if (!isPersonalityName(name)) throw new UnknownPersonalityError(`unknown personality ${name} (known: ${PERSONALITIES.join(', ')})`);
    this.name = name;
  }

  /** The switch's name says at the call site which open point is played. */
  has(_switch: Switch): boolean {
    return this.name === 'alternate';
  }
}
