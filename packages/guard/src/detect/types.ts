import type { TimeoutApi } from "../apis.ts";
import type { RuleId } from "../rules.ts";
import type { PythonFacts } from "./python/package-keepers.ts";

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
  /** The checked file's path, as the package pass was given it (Python: its imports are resolved from it). */
  path?: string;
  /** What the other Python modules of the file's package show (`python-facts.ts`). */
  python?: PythonFacts;
}
