// A conditional that re-spells the caller's own "no limit" for a receiver that writes it another way
// (`options.timeout === false ? 0 : options.timeout`): not a choice made here.
import { type EsNode, referenceName, unwrap } from "./ast.ts";
import { NO_LIMIT_WORD } from "./values.ts";

/**
 * In `t === false ? 0 : t` (or `t !== Infinity ? t : 0`, `t === 0 ? false : t`), the branch that re-spells the
 * caller's own `false`/`0`/`Infinity`/"disable" as 0, false or Infinity: taken only when the caller said so.
 */
export function respelledBranch(node: EsNode, evaluate: (node: EsNode) => number | undefined): EsNode | undefined {
  const test = unwrap(node.test as EsNode);
  if (test.type !== "BinaryExpression" || !/^[!=]==?$/.test(test.operator as string)) return undefined;
  const sides = [unwrap(test.left as EsNode), unwrap(test.right as EsNode)];
  const noLimit = (side: EsNode) =>
    (side.type === "Literal" && (/^(false|0)$/.test(String(side.value)) || NO_LIMIT_WORD.test(String(side.value)))) ||
    (side.type === "Identifier" && side.name === "Infinity");
  const reference = sides.find((side) => !noLimit(side));
  if (!reference || referenceName(reference) === undefined || !sides.some(noLimit)) return undefined;
  const branch = ((test.operator as string).startsWith("=") ? node.consequent : node.alternate) as EsNode;
  // `t === false ? false : normalize(t)`: the caller's `false` passed on as it is.
  const passedOn = unwrap(branch).type === "Literal" && unwrap(branch).value === false;
  return passedOn || [0, Infinity].includes(evaluate(branch) ?? NaN) ? branch : undefined;
}
