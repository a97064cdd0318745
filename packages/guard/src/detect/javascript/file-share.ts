// What one file contributes to its package's facts (`package-facts.ts`): the pass over a package's other files.
import { isBareTimeoutName } from "../../name-words.ts";
import { isTimeoutName } from "../../names.ts";
import type { EsNode } from "./ast.ts";
import { endsWait } from "./timer-verdicts.ts";
import type { HelperParameters } from "./deadline-helpers.ts";
import type { JsDetectorOptions } from "./detector.ts";
import { FileFacts } from "./facts.ts";
import type { NamesReachingWait } from "./wait-flow.ts";

/** A file's share of its package's facts: the names whose "no limit" it shows reaching a wait, and its timers' verdicts. */
export interface FileShare extends NamesReachingWait {
  /** Setting names this file arms only timers that renew, ping, retry, log or measure with. */
  readonly quiet: ReadonlySet<string>;
  /** Setting names this file arms a timer that may end a wait with, or checks against elapsed time. */
  readonly loud: ReadonlySet<string>;
  /** Its functions whose parameter (by position) is the delay of a timer that ends the wait (`deadline-helpers.ts`). */
  readonly helpers: HelperParameters;
  /** Names a wait's time spent is held against here, whatever they are called (`clock-deadlines.ts`). */
  readonly bounds: ReadonlySet<string>;
  /**
   * Per module of the package merged here as a defaults table (specifier as written, `./options`), the keys whose
   * "no limit" this file shows reaching a wait when read off the merged object (`option-merges.ts`).
   */
  readonly tables: Readonly<Record<"zero" | "infinite", ReadonlyMap<string, ReadonlySet<string>>>>;
  /** Its functions that only sleep for their first parameter, whatever they are called (`sleepsForFirst`). */
  readonly sleepers: ReadonlySet<string>;
}

/**
 * The names whose "no limit" this file shows reaching a wait, as its share of its package's facts: only names of a
 * setting (`socketTimeoutMS`, not a bare `timeout`, which every object has) whose timers here do more than log; and
 * what its timers show of the setting names they are armed with (`FileFacts.delayVerdicts`).
 */
export function namesReachingWait(
  program: EsNode,
  source: string,
  options: JsDetectorOptions,
  /** The sleep helpers the package's modules walked so far define (`sleepsForFirst`). */
  sleepers?: ReadonlySet<string>,
): FileShare {
  const facts = new FileFacts(source, options.extraTimeoutNames, undefined, undefined, sleepers).collect(
    program,
    options.visitorKeys,
  );
  facts.deadlineHelpers.finish((timer, within) => endsWait(facts, timer, within));
  const names = facts.waitFlow(options.apis).namesReachingWait();
  const shared = (name: string) => facts.isTimeout(name) && !isBareTimeoutName(name);
  const { quiet, loud } = facts.delayVerdicts();
  const setting = (name: string) => isTimeoutName(name, options.extraTimeoutNames) && !isBareTimeoutName(name);
  return {
    // `@prop {number} [queueTimeout=0] - ... (0 - infinite)`: the package's own documentation of a setting's 0.
    zero: new Set([...names.zero, ...facts.noLimit.documentedZero()].filter(shared)),
    infinite: new Set([...names.infinite].filter(shared)),
    quiet: new Set([...quiet].filter(setting)),
    loud: new Set([...loud].filter(setting)),
    helpers: facts.deadlineHelpers.parameters,
    bounds: facts.deadlineHelpers.clock.names(),
    sleepers: facts.noWait.sleepers,
    // Bare keys too: the merge says which object the key belongs to (only timers that may end a wait count).
    tables: {
      zero: facts.merges.tables(new Set([...names.zero].filter((name) => facts.isTimeout(name))), (path) =>
        facts.modules.ownModuleOf(path),
      ),
      infinite: facts.merges.tables(new Set([...names.infinite].filter((name) => facts.isTimeout(name))), (path) =>
        facts.modules.ownModuleOf(path),
      ),
    },
  };
}
