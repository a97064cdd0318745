// A deadline object of the file: a class whose constructor keeps a timeout (`self.timeout_interval = timeout`), sets an
// end time from the clock plus it only when it is not None (`if self.timeout_interval is not None: self.end_time =
// self.start_time + self.timeout_interval`) and compares the clock with that end time (`time.time() >= self.end_time`).
// Its None is "never time out" for whoever polls it. The class's own None default is its caller's choice (the
// primitive is the wait, README "A wait's own "no limit" default"); an object that hands it its own None polls forever.
import type { Node as TsNode } from "web-tree-sitter";
import { classOf } from "./callees.ts";
import { freshClock, isClockReading, ordering, outward } from "./expiries.ts";
import type { PyFacts } from "./facts.ts";
import { keptOnSelf } from "./setting-writes.ts";
import { addends, unwrap } from "./syntax.ts";

/** Whether `init` (a class's `__init__` of this file) keeps its parameter `parameter` as a deadline None leaves open. */
export function deadlineParameter(facts: PyFacts, init: TsNode, parameter: string): boolean {
  const cls = classOf(init);
  if (!cls) return false;
  return keptOnSelf(init, parameter).some((kept) =>
    endTimes(facts, cls, kept).some((end) => comparedWithClock(facts, cls, end)),
  );
}

// `self.end_time = self.start_time + self.timeout_interval` under `if self.timeout_interval is not None:` (or a test of
// its truth), the start read from the clock: the end times the class computes from the kept value, when it has one.
function endTimes(facts: PyFacts, cls: TsNode, kept: string): string[] {
  const ends: string[] = [];
  for (const assignment of cls.descendantsOfType("assignment")) {
    const left = assignment?.childForFieldName("left");
    const right = assignment?.childForFieldName("right");
    if (left?.type !== "attribute" || !right || !left.text.startsWith("self.")) continue;
    const start = addends(unwrap(right)).find(([value]) => value.text.replace(/\s+/g, "") === kept)?.[1];
    if (!start || !(isClockReading(facts, start) || freshClock(facts, start))) continue;
    if (underSomeTest(assignment!, kept)) ends.push(left.text.replace(/\s+/g, ""));
  }
  return ends;
}

// Inside `if kept is not None:` / `if kept:`: the end time is set only when the kept value is given.
function underSomeTest(node: TsNode, kept: string): boolean {
  const pattern = new RegExp(`^${kept.replace(/[.]/g, "\\.")}(\\s+is\\s+not\\s+None)?$`);
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === "function_definition") return false;
    if (current.type === "if_statement" && pattern.test(unwrap(current.childForFieldName("condition")!).text))
      return true;
  }
  return false;
}

// `time.time() >= self.end_time` somewhere in the class: the end time is checked against the clock.
function comparedWithClock(facts: PyFacts, cls: TsNode, end: string): boolean {
  for (const read of cls.descendantsOfType("attribute")) {
    if (!read || read.text.replace(/\s+/g, "") !== end) continue;
    const outer = outward(read);
    const comparison = outer.parent;
    if (comparison?.type !== "comparison_operator" || !ordering(comparison)) continue;
    const other = comparison.namedChildren.find((c) => c !== null && c.id !== outer.id);
    if (other && isClockReading(facts, unwrap(other))) return true;
  }
  return false;
}
