// A duration that grows with each attempt: `self._start_timeout * (self._factor ** attempt)` (aiohttp-retry),
// `base * 2 ** n`, `delay * pow(2, tries)`, `t * (1 << retries)`. Multiplied by a power, it is an exponential
// backoff's base delay, waited between tries (README label rules: backoff delays and caps are not deadlines), not the
// bound of one wait.
import type { Node as TsNode } from "web-tree-sitter";

/** Whether `read` is a factor of a product whose other factor is a power (`**`, `pow(...)`, `1 << n`). */
export function backoffBase(read: TsNode): boolean {
  let node = read;
  while (node.parent?.type === "parenthesized_expression") node = node.parent;
  const product = node.parent;
  if (product?.type !== "binary_operator" || product.childForFieldName("operator")?.text !== "*") return false;
  const other = product.childForFieldName(product.childForFieldName("left")?.id === node.id ? "right" : "left");
  return other !== null && isPower(other);
}

// The exponent must vary (`factor ** attempt`): `timeout_millis * 10**6` is a unit conversion, not a backoff.
function isPower(node: TsNode): boolean {
  let inner = node;
  while (inner.type === "parenthesized_expression" && inner.namedChildren[0]) inner = inner.namedChildren[0];
  if (inner.type === "binary_operator") {
    const exponent = inner.childForFieldName("right");
    return /^(\*\*|<<)$/.test(inner.childForFieldName("operator")?.text ?? "") && varies(exponent);
  }
  if (inner.type !== "call" || !/^(math\.)?pow$/.test(inner.childForFieldName("function")?.text ?? "")) return false;
  const args = inner.childForFieldName("arguments")?.namedChildren ?? [];
  return varies(args[1] ?? null);
}

/** Not a number written out (`6`, `-1.5`, `(3)`). */
function varies(node: TsNode | null): boolean {
  return node !== null && !/^[\s()+-]*[\d._]+(e[+-]?\d+)?[\s)]*$/i.test(node.text);
}
