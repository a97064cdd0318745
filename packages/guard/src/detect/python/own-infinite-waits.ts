// A function that is itself the wait, with "no limit" spelled as infinity for its default: kafka's
// `def connect_blocking(self, timeout=float('inf')): timeout += time.time(); while time.time() < timeout: ...` and
// `def _retrieve_offsets(self, timestamps, timeout_ms=float("inf")): remaining_ms = timeout_ms; while remaining_ms > 0:`.
// The bound is its caller's choice, as a wait's own None or -1 is (README "A wait's own "no limit" default").
import type { Node as TsNode } from "web-tree-sitter";
import type { PyFacts } from "./facts.ts";
import { waitsWith } from "./settings.ts";
import { mentionsName } from "./syntax.ts";

/** Whether `fn` waits with its parameter `name` itself: handed to a wait, or polled in a loop of its own. */
export function waitsWithOwnInfinity(facts: PyFacts, fn: TsNode, name: string): boolean {
  if (waitsWith(facts, fn, name)) return true;
  const body = fn.childForFieldName("body");
  if (!body) return false;
  // The parameter and the locals computed from it (`remaining_ms = timeout_ms`, `deadline = time.time() + timeout`).
  const derived = new Set([name]);
  for (const assignment of body.descendantsOfType(["assignment", "augmented_assignment"])) {
    const left = assignment?.childForFieldName("left");
    const right = assignment?.childForFieldName("right");
    if (left?.type === "identifier" && right && mentionsName(right, derived)) derived.add(left.text);
  }
  return body.descendantsOfType(["while_statement", "for_statement"]).some((loop) => {
    const condition = loop?.type === "while_statement" ? loop.childForFieldName("condition") : null;
    if (condition && mentionsName(condition, derived)) return true;
    // cloud-init's `wait_for_url(urls, max_wait=float("inf"))`: `while True: ... if timeup(max_wait, start_time):
    // break`, the loop left when the parameter's time is up.
    return (loop?.childForFieldName("body")?.descendantsOfType("if_statement") ?? []).some(
      (test) => test !== null && exitsWhen(test, derived),
    );
  });
}

// `if timeup(max_wait, start_time): break` (or `return`, `raise`): the test reads the name and its block leaves.
function exitsWhen(test: TsNode, names: ReadonlySet<string>): boolean {
  const condition = test.childForFieldName("condition");
  const block = test.childForFieldName("consequence");
  return (
    condition !== null &&
    block !== null &&
    mentionsName(condition, names) &&
    block.namedChildren.some((statement) => /^(break|return|raise)_statement$/.test(statement?.type ?? ""))
  );
}
