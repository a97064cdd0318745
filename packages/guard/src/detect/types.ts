import type { TimeoutApi } from "../apis.ts";
import type { RuleId } from "../rules.ts";

/** A finding as a detector reports it: a rule and a source range (UTF-16 offsets). */
export interface RawFinding {
  ruleId: RuleId;
  start: number;
  end: number;
  message: string;
  /** The range holds a literal that `config.TIMEOUT` can replace (the ESLint suggestion). */
  replaceable?: boolean;
}

/** What the detectors are told: which names and calls carry timeouts. */
export interface DetectorOptions {
  extraTimeoutNames: ReadonlySet<string>;
  apis: readonly TimeoutApi[];
}
