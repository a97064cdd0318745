// An object's "no limit" seen in the way it polls: a setting the object keeps (`self.timeout = timeout`) that a method
// compares with the time elapsed in a polling loop that gives up once it is exceeded, a check the code skips for "no
// limit" (`while self.timeout is None or time.monotonic() - start < self.timeout:`), directly or through the local a
// method copies the setting into when its caller gives none (`if timeout is None: timeout = self.timeout` ... `elif
// timeout >= 0 and time.time() - start_time > timeout: raise Timeout(...)`). The object's later waits then poll
// forever on its own None or -1 (README "A wait's own "no limit" default": the object's half), where the method itself
// only hands on its caller's choice.
import type { Node as TsNode } from "web-tree-sitter";
import { classOf } from "./callees.ts";
import { endsTheLoop } from "./deadlines.ts";
import { difference, freshClock, inWhile, isClockReading, ordering, outward } from "./expiries.ts";
import type { PyFacts } from "./facts.ts";
import { keptOnSelf } from "./setting-writes.ts";
import { unwrap } from "./syntax.ts";

/** Which value the skipped check leaves without a limit: `None`, or any negative number (`-1`). */
export type NoLimit = "none" | "negative";

/** A local a method copies a setting into, and the reads of that local after the copy. */
export interface CopiedSetting {
  readonly local: string;
  readonly fn: TsNode;
  readonly uses: readonly TsNode[];
}

/**
 * `timeout = self.timeout` as a whole statement of a method (commonly under `if timeout is None:`), or as the
 * fallback of the method's own value (`timeout = timeout or self.timeout`, `timeout = self.timeout if timeout is None
 * else timeout`, `timeout = meta.get("timeout", self.timeout)`): the local it copies the setting into and that local's reads after it, when the copy is the method's only assignment of the local
 * (a method that computes the local again may no longer hold the setting). Undefined when `read` is not such a copy.
 */
export function copiedUses(read: TsNode): CopiedSetting | undefined {
  let value = outward(read);
  // `timeout = metadata.get("timeout", self._timeout)`: a lookup's value, else the setting.
  const lookup = value.parent?.parent;
  if (lookup?.type === "call" && lookupFallback(lookup)?.id === value.id) value = lookup;
  const around = value.parent;
  const assignment = around?.type === "assignment" ? around : around?.parent;
  const left = assignment?.type === "assignment" ? assignment.childForFieldName("left") : null;
  if (left?.type !== "identifier" || !assignment) return undefined;
  const local = left.text;
  // `timeout = timeout or self.timeout`, `timeout = self.timeout if timeout is None else timeout`: the caller's value,
  // else the setting.
  if (around !== assignment && around && fallsBackTo(around, value, local)) value = around;
  if (assignment.childForFieldName("right")?.id !== value.id) return undefined;
  const fn = enclosingFunction(assignment);
  const body = fn?.childForFieldName("body");
  if (!fn || !body) return undefined;
  const writes = body
    .descendantsOfType(["assignment", "augmented_assignment"])
    .filter((a) => a?.childForFieldName("left")?.text === local);
  if (writes.length !== 1) return undefined;
  const uses = body
    .descendantsOfType("identifier")
    .filter((u): u is TsNode => u !== null && u.text === local && u.startIndex >= assignment.endIndex && isRead(u, fn));
  return { local, fn, uses };
}

// `table.get("timeout", setting)`: the fallback a mapping's lookup returns when it has no value of its own.
function lookupFallback(call: TsNode): TsNode | undefined {
  if (!/\.get$/.test(call.childForFieldName("function")?.text ?? "")) return undefined;
  const args = call.childForFieldName("arguments")?.namedChildren.filter((a) => a !== null && a.type !== "comment");
  return args?.length === 2 && args[0]!.type === "string" ? args[1]! : undefined;
}

// `local or setting`, `setting if local is None else local`, `local if local is not None else setting`.
function fallsBackTo(choice: TsNode, setting: TsNode, local: string): boolean {
  if (choice.type === "boolean_operator")
    return (
      choice.childForFieldName("operator")?.text === "or" &&
      unwrap(choice.childForFieldName("left")!).text === local &&
      choice.childForFieldName("right")?.id === setting.id
    );
  if (choice.type !== "conditional_expression") return false;
  const [first, condition, second] = choice.namedChildren;
  const test = condition ? unwrap(condition).text.replace(/\s+/g, " ") : "";
  if (first?.id === setting.id) return second?.text === local && test === `${local} is None`;
  return second?.id === setting.id && first?.text === local && test === `${local} is not None`;
}

/**
 * `use` (the setting, or its copy named `name`) compared by order with the time elapsed since a start this code read
 * from the clock (`time.time() - start_time > timeout`), in a `while` loop that the comparison ends (its condition, or
 * an `if` that breaks, returns or raises), where the comparison is skipped for the "no limit" `kind`: `name is not
 * None and ...` / `name is None or ...` (`name and ...`) for None, `name >= 0 and ...` / `name < 0 or ...` for a
 * negative number. Without the skip a None would fail the comparison and a negative number would time out at once.
 */
export function boundsPollUnless(facts: PyFacts, use: TsNode, name: string, kind: NoLimit): boolean {
  const outer = outward(use);
  const comparison = outer.parent;
  if (comparison?.type !== "comparison_operator" || !ordering(comparison) || !inWhile(comparison)) return false;
  const other = comparison.namedChildren.find((c) => c !== null && c.id !== outer.id);
  const elapsed = other ? unwrap(other) : undefined;
  const start = elapsed ? difference(elapsed) : undefined;
  const now = elapsed?.type === "binary_operator" ? elapsed.childForFieldName("left") : null;
  if (!start || !now || !isClockReading(facts, unwrap(now)) || !freshClock(facts, start)) return false;
  return endsTheLoop(comparison) && skippedFor(comparison, name, kind);
}

/**
 * `def __init__(self, path, timeout=-1): self.timeout = timeout` whose class polls with the kept value and skips the
 * check for a negative one (`boundsPollUnless`): the constructor's -1 is the object's own "no limit".
 */
export function keepsNegativeForPolls(facts: PyFacts, fn: TsNode, name: string): boolean {
  const cls = classOf(fn);
  if (!cls) return false;
  for (const stored of keptOnSelf(fn, name)) {
    for (const read of cls.descendantsOfType("attribute")) {
      if (!read || read.text.replace(/\s+/g, "") !== stored || isWritten(read)) continue;
      if (boundsPollUnless(facts, read, stored, "negative")) return true;
      const copy = copiedUses(read);
      if (copy?.uses.some((use) => boundsPollUnless(facts, use, copy.local, "negative"))) return true;
    }
  }
  return false;
}

// The operands `and`/`or` joins to the comparison, each tested as the skip of `kind`'s "no limit" for `name`.
function skippedFor(comparison: TsNode, name: string, kind: NoLimit): boolean {
  const tests = SKIPS[kind];
  const escaped = name.replace(/[.]/g, "\\s*\\.\\s*");
  let current = outward(comparison);
  for (let parent = current.parent; parent?.type === "boolean_operator"; parent = current.parent) {
    const operator = parent.childForFieldName("operator")?.text;
    const left = parent.childForFieldName("left");
    // Python tests left to right: only a test before the comparison can spare it.
    if (left && left.id !== current.id && (operator === "and" || operator === "or"))
      for (const operand of operands(left, operator)) {
        const text = operand.text.trim();
        if (tests[operator].some((pattern) => new RegExp(pattern.replace(/NAME/g, escaped)).test(text))) return true;
      }
    current = outward(parent);
  }
  return false;
}

// `a and b` of `a and b and comparison`: the operands joined by the same operator, unwrapped.
function operands(node: TsNode, operator: string): TsNode[] {
  const inner = unwrap(node);
  if (inner.type !== "boolean_operator" || inner.childForFieldName("operator")?.text !== operator) return [inner];
  return [inner.childForFieldName("left"), inner.childForFieldName("right")].flatMap((side) =>
    side ? operands(side, operator) : [],
  );
}

// The tests that spare the comparison, by operator: `and` runs it only when the test holds, `or` only when it fails.
const SKIPS: Readonly<Record<NoLimit, Readonly<Record<"and" | "or", readonly string[]>>>> = {
  none: { and: ["^NAME\\s+is\\s+not\\s+None$", "^NAME$"], or: ["^NAME\\s+is\\s+None$", "^not\\s+NAME$"] },
  negative: {
    and: ["^NAME\\s*>=?\\s*0(\\.0)?$", "^0(\\.0)?\\s*<=?\\s*NAME$"],
    or: ["^NAME\\s*<=?\\s*0(\\.0)?$", "^0(\\.0)?\\s*>=?\\s*NAME$"],
  },
};

// A read of the local: not an attribute's name (`self.timeout`), a keyword's name (`timeout=...`) or the target of an
// assignment, and not inside a function or lambda nested in `fn`.
function isRead(use: TsNode, fn: TsNode): boolean {
  const parent = use.parent;
  if (parent?.type === "attribute" && parent.childForFieldName("attribute")?.id === use.id) return false;
  if (parent?.type === "keyword_argument" && parent.childForFieldName("name")?.id === use.id) return false;
  if (isWritten(use)) return false;
  return enclosingFunction(use)?.id === fn.id;
}

// The left side of an assignment.
function isWritten(node: TsNode): boolean {
  const parent = node.parent;
  return (
    (parent?.type === "assignment" || parent?.type === "augmented_assignment") &&
    parent.childForFieldName("left")?.id === node.id
  );
}

// The function (or lambda) `node` is in.
function enclosingFunction(node: TsNode): TsNode | undefined {
  for (let current = node.parent; current; current = current.parent)
    if (current.type === "function_definition" || current.type === "lambda") return current;
  return undefined;
}
