// A literal count of a time unit the code names: `_RPC_TIMEOUT = 1 * timeutil.TimeUtil.SEC`, `5 * MINUTES`; and a
// literal duration times a scale factor the code names: IPython's tests' `child.timeout = 15 *
// IPYTHON_TESTING_TIMEOUT_SCALE` (the factor stretches the 15 s on slow machines; the 15 is written here).
import type { Node as TsNode } from "web-tree-sitter";
import type { PyFacts } from "./facts.ts";
import type { Classified } from "./values.ts";

// A unit constant's name: upper case only (`SEC`, `ONE_MINUTE`, `MILLISECONDS`), as constants are written; a lower
// case `self.seconds` may be a configured duration, whose product with a literal is a unit conversion.
const UNIT = /^(ONE_)?(SECS?|SECONDS?|MINS?|MINUTES?|HOURS?|MS|MSECS?|MILLIS|MILLISECONDS?)$/;

// A scale factor's constant: upper case, its last word `SCALE`, `FACTOR` or `MULTIPLIER` (`TIMEOUT_SCALE`,
// `SLOW_FACTOR`). A timeout constant times a literal (`TUNNEL_TIMEOUT * 1.1`) is a multiple of a duration written
// elsewhere, not this.
const SCALE = /^[A-Z][A-Z0-9_]*_(SCALE|FACTOR|MULTIPLIER)$|^(SCALE|FACTOR|MULTIPLIER)$/;

// `N * UNIT` (or `UNIT * N`) with N a positive literal: the duration N units, written by the code itself; `N * SCALE`
// with a factor's constant whose value the file does not show: the duration N, stretched.
export function unitProduct(facts: PyFacts, node: TsNode): Classified | undefined {
  if (node.type !== "binary_operator" || node.childForFieldName("operator")?.text !== "*") return undefined;
  const left = node.childForFieldName("left");
  const right = node.childForFieldName("right");
  if (!left || !right) return undefined;
  for (const [count, unit] of [
    [left, right],
    [right, left],
  ] as const) {
    if (unit.type !== "identifier" && unit.type !== "attribute") continue;
    const name = unit.type === "attribute" ? unit.childForFieldName("attribute")?.text : unit.text;
    if (!(UNIT.test(name ?? "") || SCALE.test(name ?? "")) || facts.evaluate(unit) !== undefined) continue;
    const value = facts.evaluate(count);
    if (value !== undefined && value > 0) return { kind: "hardcoded", node, literal: node.text };
  }
  return undefined;
}
