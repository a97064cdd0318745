// Durations that MOVE A FAKE CLOCK in a test: freezegun's `with freeze_time(now + timedelta(seconds=self.timeout + 1)):`,
// `frozen.tick(timedelta(seconds=TIMEOUT))`, `frozen.move_to(...)`, pytest-freezer's `freezer.tick(...)`,
// time-machine's `travel(...)` and `traveller.shift(...)`. The test sets the clock to where a token would have expired;
// nothing waits on the value (django-titofisto's tests, session 38, fresh95).
import type { Node as TsNode } from "web-tree-sitter";
import type { PyFacts } from "./facts.ts";

/** The callee, as written, of a call that moves or freezes a fake clock. */
const CLOCK_MOVE = /(^|\.)(freeze_time|travel|move_to|tick|shift)$/;
/** A file that uses a fake-clock library (pytest-freezer's `freezer` fixture needs no import). */
const FAKE_CLOCK_LIBRARY = /\b(freezegun|time_machine|freezer)\b/;
/** Expressions a duration passes through on its way into the call: arithmetic, `timedelta(...)`, keywords. */
const THROUGH = new Set([
  "binary_operator",
  "unary_operator",
  "parenthesized_expression",
  "argument_list",
  "keyword_argument",
  "call",
]);

/** Whether `read` is (part of) an argument of a call that moves or freezes a fake clock. */
export function movesFakeClock(facts: PyFacts, read: TsNode): boolean {
  for (let node = read.parent; node && THROUGH.has(node.type); node = node.parent) {
    if (node.type !== "call") continue;
    const callee = node.childForFieldName("function")?.text.replace(/\s+/g, "") ?? "";
    if (CLOCK_MOVE.test(callee)) return FAKE_CLOCK_LIBRARY.test(facts.fileCode());
  }
  return false;
}
