// What every family's mock shares about its faults: the faults switched on for one instance, checked
// against the family's catalogue of fault names before anything starts.
export class UnknownFaultError extends Error {}

/** The faults switched on for one mock instance; `Name` is the family's deviation names. */
export class FaultSwitches<Name extends string = string> {
  private readonly active: ReadonlySet<string>;

  constructor(known: readonly string[], names: readonly string[] = []) {
    const unknown = names.filter((n) => !known.includes(n));
    if (unknown.length > 0) throw new UnknownFaultError(`unknown fault ${unknown.join(', ')} (known: ${known.join(', ')})`);
    this.active = new Set(names);
  }

  has(name: Name): boolean {
    return this.active.has(name);
  }

  /** Whether the dead-<subject> fault (an operation or a variant refusing everything) is on. */
  isDead(subject: string): boolean {
    return this.active.has(`dead-${subject}`);
  }

  get names(): string[] {
    return [...this.active];
  }
}
