// Durations restated from named constants: `waitForServerToBecomeActive + 2 * waitForServerToChangeState`,
// `testTimeout * 1000 * 2`. Every duration in them is a constant the file names (reported where it is written, when
// it is a timeout); their literals only multiply those (a factor, a unit conversion), so the sum chooses no duration
// of its own. Not when a constant is a unit (`2 * HOUR`, `30 * SECOND`): there the literal is the count, the choice.
import { type EsNode, MAX_DEPTH, unwrap } from "./ast.ts";
import type { Constant } from "./facts.ts";

/** A unit's size in milliseconds or seconds (a minute, a second, an hour, a day, a week). */
const UNIT_SIZES = new Set([60, 1000, 3600, 60_000, 86_400, 3_600_000, 86_400_000, 604_800_000]);

/**
 * Whether `node` is a sum of named timeout constants, each times literal factors only: `a + 2 * b`, `t * 1000 * 2`.
 * A constant whose value is a unit's size is a unit (`2 * HOUR`); one whose name is no timeout (`SECOND = 1`,
 * `HEARTBEAT_INTERVAL`) is not reported where it is written, so the sum stays the place that chooses.
 */
export function restatesNamed(
  node: EsNode,
  constantAt: (identifier: EsNode) => Constant | undefined,
  isTimeout: (name: string) => boolean,
  depth = 0,
): boolean {
  let names = 0;
  const holdsName = (raw: EsNode): boolean => {
    const n = unwrap(raw);
    if (n.type === "Identifier") return true;
    return n.type === "BinaryExpression" && (holdsName(n.left as EsNode) || holdsName(n.right as EsNode));
  };
  const restatesItself = (constant: Constant): boolean =>
    depth < MAX_DEPTH && restatesNamed(unwrap(constant.node), constantAt, isTimeout, depth + 1);
  const restated = (raw: EsNode, factor: boolean): boolean => {
    const n = unwrap(raw);
    if (n.type === "Literal") return factor && typeof n.value === "number" && n.value > 0;
    if (n.type === "Identifier") {
      const constant = constantAt(n);
      if (!constant || constant.parameter || !(constant.value > 0) || UNIT_SIZES.has(constant.value)) return false;
      // Only a timeout is reported where it is written: `HEARTBEAT_INTERVAL * 2` chooses the timeout it is assigned to.
      // A constant that itself restates named timeouts (state-switch's `RESET_TIMEOUT_SECONDS = TIMEOUT_SECONDS * 3`,
      // whose first word reads as a flag) chooses nothing either: its duration is written at the names it restates.
      if (!isTimeout(constant.name) && !restatesItself(constant)) return false;
      names += 1;
      return true;
    }
    if (n.type !== "BinaryExpression") return false;
    const [left, right] = [n.left as EsNode, n.right as EsNode];
    if (n.operator === "+" || n.operator === "-") return restated(left, false) && restated(right, false);
    return n.operator === "*" && restated(left, holdsName(right)) && restated(right, holdsName(left));
  };
  return restated(node, false) && names > 0;
}

/** The names a restated sum is made of, in order (`a + 2 * b` → `a`, `b`). */
export function namedParts(node: EsNode): EsNode[] {
  const n = unwrap(node);
  if (n.type === "Identifier") return [n];
  return n.type === "BinaryExpression" ? [...namedParts(n.left as EsNode), ...namedParts(n.right as EsNode)] : [];
}
