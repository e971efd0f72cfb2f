// The "differences from baseline" of a report (`kms-conformance compare`): how a candidate reads the
// documents' open points where the baseline, calibrated first, settled them, with both exchanges.

/** Masked evidence of how a target read an open point. */
export interface Evidence {
  /** the test whose exchange settled it */
  test: string;
  request?: string;
  response?: string;
  /** the failure, when a check failed */
  failure?: string;
  /** when the run that saw it started */
  at: string;
}

/** strict: keeps the strict reading; other: another reading the documents allow; learned: a setting the
 *  profile left open was found (its values in `learned`); contradicts: breaks the documents even under
 *  the lenient check; unsettled: no run could tell. */
export type Outcome = 'strict' | 'other' | 'learned' | 'contradicts' | 'unsettled';

export interface PointSide {
  outcome: Outcome;
  reason?: string;
  /** learned: profile path -> the value found */
  learned?: Record<string, unknown>;
  evidence?: Evidence;
}

export interface Difference {
  id: string;
  statement: string;
  operations: string[];
  baseline: PointSide;
  candidate: PointSide;
}

export interface ComparedTarget {
  name: string;
  baseUrl: string;
  calibratedAt: string;
}

export interface Comparison {
  family: string;
  baseline: ComparedTarget;
  candidate: ComparedTarget;
  /** open points the baseline settled (strict or other): the ones compared */
  compared: number;
  /** open points the baseline did not settle: not compared */
  notCompared: string[];
  differences: Difference[];
  /** logical operation -> the ids of its differences */
  byOperation: Record<string, string[]>;
}
