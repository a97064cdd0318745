// Names like timeouts that COUNT (`nb_timeout += 1`, `self.connect_timeout += 1` after a failed connect): a value that
// starts at zero and only ever grows by literal steps is a tally of events (timeouts seen, attempts made) or of the time
// slept so far (ostree-push's `timeout = 0; while timeout < RESOURCE_TIMEOUT: ... timeout += 0.5; time.sleep(0.5)`),
// not a duration, whatever its name: the bound is what it is compared with. Decided by the name's bindings, not by its
// spelling. A timeout padded before a retry (`self.timeout = 5` ... `self.timeout += 1`) starts from a duration and
// stays the pad rule's.
import type { Node as TsNode } from "web-tree-sitter";
import type { PyFacts } from "./facts.ts";
import { onlyLogged } from "./logged.ts";

// A literal step or start: `1`, `0.5`, `1_000`.
const STEP = /^\d[\d_]*(\.\d*)?$/;

/**
 * `left += step` where every binding the file shows for `left` (a local in its scope, an attribute across the file) is
 * a number literal, at least one of them a plain `= 0`: a counter.
 */
export function isCounter(facts: PyFacts, left: TsNode): boolean {
  const sources = facts.bindingSources(left);
  let zero = false;
  for (const source of sources) {
    if (!source || !STEP.test(source.text)) return false;
    // A plain assignment's right side (`x = 0`), not the step of an augmented one.
    if (source.text === "0" && source.parent?.type === "assignment") zero = true;
  }
  return zero && onlyCompared(left);
}

// Every mention of the name in the file (an attribute's across the file, an identifier's in its function) is written,
// compared (`nb_timeout >= 4`) or only logged (neutron-ha-tool's "Agent found offline for seconds=%d"): a timeout built
// up from 0 and handed to a wait (`timeout += 15` then `s.settimeout(timeout)`, corpus `accumulated20.py`) is a
// hardcoded timeout and stays reported.
// A name never compared counts nothing it is tested against: not known as a counter. Judged once per scope and name
// (a file of n `+=` on one field asks n times).
const judged = new WeakMap<object, Map<string, boolean>>();

function onlyCompared(left: TsNode): boolean {
  const field = left.type === "attribute";
  let scope: TsNode = left;
  if (!field) while (scope.parent && scope.type !== "function_definition") scope = scope.parent;
  else while (scope.parent) scope = scope.parent;
  let known = judged.get(left.tree);
  if (!known) judged.set(left.tree, (known = new Map()));
  const key = `${scope.id}:${left.text}`;
  let verdict = known.get(key);
  if (verdict === undefined) known.set(key, (verdict = writtenOrCompared(scope, left.text, field)));
  return verdict;
}

function writtenOrCompared(scope: TsNode, name: string, field: boolean): boolean {
  let compared = false;
  for (const mention of scope.descendantsOfType(field ? "attribute" : "identifier")) {
    if (mention?.text !== name) continue;
    const parent = mention.parent;
    const written =
      (parent?.type === "assignment" || parent?.type === "augmented_assignment") &&
      parent.childForFieldName("left")?.id === mention.id;
    if (parent?.type === "comparison_operator") compared = true;
    else if (!written && !onlyLogged(mention)) return false;
  }
  return compared;
}
