// Names like timeouts that COUNT (`nb_timeout += 1`, `self.connect_timeout += 1` after a failed connect): a value that
// starts at zero and only ever grows by whole steps is a tally of events (timeouts seen, attempts made), not a
// duration, whatever its name. Decided by the name's bindings, not by its spelling. A timeout padded before a retry
// (`self.timeout = 5` ... `self.timeout += 1`) starts from a duration and stays the pad rule's.
import type { Node as TsNode } from "web-tree-sitter";
import type { PyFacts } from "./facts.ts";

const WHOLE = /^\d+$/;

/**
 * `left += step` where every binding the file shows for `left` (a local in its scope, an attribute across the file) is
 * a whole-number literal, at least one of them a plain `= 0`: a counter.
 */
export function isCounter(facts: PyFacts, left: TsNode): boolean {
  const sources = facts.bindingSources(left);
  let zero = false;
  for (const source of sources) {
    if (!source || !WHOLE.test(source.text)) return false;
    // A plain assignment's right side (`x = 0`), not the step of an augmented one.
    if (source.text === "0" && source.parent?.type === "assignment") zero = true;
  }
  return zero;
}
