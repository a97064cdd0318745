// A test on virtual time: inside a function that moves a fake clock by hand (`clock.advance(timeout - 1)`,
// `self.clock.pump([0, 1])` on a `Clock()` of this file), its durations bound no real wait.
import type { Node as TsNode } from "web-tree-sitter";
import { enclosingFunction } from "./syntax.ts";

/**
 * Whether `node` is in a function that advances or pumps a double (`isDouble`, the file's `TestDoubles`); `cache`
 * keeps the answer per function (by its start), since a test may hold many durations.
 */
export function advancesFakeClock(
  node: TsNode,
  cache: Map<number, boolean>,
  isDouble: (object: TsNode | null) => boolean,
): boolean {
  const fn = enclosingFunction(node);
  if (!fn || !/\.(advance|pump)\s*\(/.test(fn.text)) return false;
  let result = cache.get(fn.startIndex);
  if (result === undefined) {
    result = fn.descendantsOfType("call").some((call) => {
      const callee = call?.childForFieldName("function");
      return (
        callee?.type === "attribute" &&
        /^(advance|pump)$/.test(callee.childForFieldName("attribute")?.text ?? "") &&
        isDouble(callee.childForFieldName("object"))
      );
    });
    cache.set(fn.startIndex, result);
  }
  return result;
}
