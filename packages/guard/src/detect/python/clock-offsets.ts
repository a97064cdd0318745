// A literal added to a clock reading: the duration of a deadline (`deadline = time.monotonic() + 5`), judged where the
// sum is assigned (`bound-values.ts`).
import type { Node as TsNode } from "web-tree-sitter";
import { wrappedLiteral } from "./wrapped-literals.ts";
import { isClockReading } from "./expiries.ts";
import type { PyFacts } from "./facts.ts";
import { addends, referenceName, unwrap } from "./syntax.ts";

// `time.monotonic() + 5`, `_core.current_time() + 1.0`, `loop.time() + timedelta(...)`: the constant added to a clock.
// Also a pad on a deadline of the caller's timeout, `time.time() + timeout + 1` (the pad rule).
export function clockOffset(facts: PyFacts, raw: TsNode): TsNode | undefined {
  const node = unwrap(raw);
  for (const [clock, other] of addends(node)) {
    if (!isClockReading(facts, clock) && !timeoutDeadline(facts, clock)) continue;
    const value = facts.evaluate(other);
    if (value !== undefined && value > 0) return other;
    if (other.type === "call" && wrappedLiteral(facts, other)) return wrappedConstant(facts, other) ?? other;
  }
  return undefined;
}

// `time.time() + self.timeout`: a clock reading plus a timeout's name that holds no constant.
function timeoutDeadline(facts: PyFacts, node: TsNode): boolean {
  return addends(node).some(
    ([clock, timeout]) =>
      isClockReading(facts, clock) && facts.isTimeout(referenceName(timeout)) && facts.evaluate(timeout) === undefined,
  );
}

// uhd's `datetime.now() + timedelta(milliseconds=CLOCK_TIMEOUT)`: the wrapper's one argument is a constant, whose
// literal is reported where it is written (the identifier is judged as that constant).
function wrappedConstant(facts: PyFacts, call: TsNode): TsNode | undefined {
  const args = (call.childForFieldName("arguments")?.namedChildren ?? []).filter((a) => a && a.type !== "comment");
  const only = args.length === 1 ? args[0]! : undefined;
  const value = only?.type === "keyword_argument" ? only.childForFieldName("value") : only;
  return value?.type === "identifier" && facts.constant(value) ? value : undefined;
}
