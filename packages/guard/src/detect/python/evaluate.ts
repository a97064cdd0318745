// Constant folding of Python number expressions: literals, signs, arithmetic and same-scope constants.
import type { Node as TsNode } from "web-tree-sitter";
import { applyOperator } from "../arithmetic.ts";
import { unwrap } from "./syntax.ts";
import { MAX_DEPTH } from "./values.ts";

// The number `raw` evaluates to, if it is one: `5`, `0o17`, `-1`, `2 * 60`, `TIMEOUT + 1` with
// `constantOf` giving the value an identifier names in its scope.
export function evaluate(
  raw: TsNode,
  constantOf: (identifier: TsNode) => number | undefined,
  depth = 0,
): number | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const node = unwrap(raw);
  switch (node.type) {
    case "integer":
    case "float": {
      const text = node.text.replace(/_/g, "").toLowerCase();
      if (/[jl]$/.test(text)) return undefined;
      const value = /^0[0-7]+$/.test(text) ? Number.parseInt(text, 8) : Number(text);
      return Number.isNaN(value) ? undefined : value;
    }
    case "identifier":
      return constantOf(node);
    case "unary_operator": {
      const value = evaluate(node.childForFieldName("argument")!, constantOf, depth + 1);
      const operator = node.childForFieldName("operator")?.text;
      if (value === undefined) return undefined;
      return operator === "-" ? -value : operator === "+" ? value : undefined;
    }
    case "binary_operator": {
      const left = evaluate(node.childForFieldName("left")!, constantOf, depth + 1);
      const right = left === undefined ? undefined : evaluate(node.childForFieldName("right")!, constantOf, depth + 1);
      if (left === undefined || right === undefined) return undefined;
      return applyOperator(node.childForFieldName("operator")?.text ?? "", left, right);
    }
    default:
      return undefined;
  }
}
