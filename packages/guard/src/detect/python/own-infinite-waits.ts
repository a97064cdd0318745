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
  return body.descendantsOfType("while_statement").some((loop) => {
    const condition = loop?.childForFieldName("condition");
    return condition ? mentionsName(condition, derived) : false;
  });
}
