// A timer helper's delay that defaults to 0 (`_setTimeout(func, timeout) { if (timeout == null) timeout = 0; ...
// setTimeout(func, timeout) }`): armed whatever its value, a 0 runs the callback at the next tick. It waits for
// nothing, so it is no "no limit". A body that tests the value first (`if (timeout > 0)`, `timeout && ...`) arms no
// timer for a 0, and a call whose 0 is "no limit" (`socket.setTimeout(timeout)`) may get it: those are judged as before.
import { calleePath, type EsNode, isNode, namesRead } from "./ast.ts";
import { TIMER_CALLS } from "./timers.ts";
import { walk, type VisitorKeys } from "./walk.ts";
import { isParam, writtenDefault } from "./written-defaults.ts";

/**
 * Whether the parameter `name` of the function whose body is `body` (its default written by `written`, if in the body)
 * is handed, untested, only to timers as their delay.
 */
export function firesAtOnce(
  body: EsNode,
  name: string,
  written: EsNode | undefined,
  visitorKeys: VisitorKeys | undefined,
): boolean {
  let delay = false;
  // Tested, or handed to any other call (`socket.setTimeout(timeout)`, whose 0 is "no limit").
  let other = false;
  walk(body, visitorKeys, (node) => {
    if (other || node === written) return false;
    // The statement that writes the default tests the parameter for "unset", not for its value.
    if (node.type === "IfStatement" && written && writtenDefault(node, name) === written) return false;
    if (node.type === "CallExpression") {
      const timer = TIMER_CALLS.test(calleePath(node.callee as EsNode) ?? "");
      for (const [position, arg] of (node.arguments as EsNode[]).entries())
        if (isParam(arg, name)) {
          if (timer && position === 1) delay = true;
          else other = true;
        }
    }
    if (testsParam(node, name)) other = true;
  });
  return delay && !other;
}

/** `if (t)`, `t ? a : b`, `t && f()`, `t > 0`, `!t`: a test that reads the parameter `name`. */
function testsParam(node: EsNode, name: string): boolean {
  switch (node.type) {
    case "IfStatement":
    case "ConditionalExpression":
    case "WhileStatement":
      return isNode(node.test) && namesRead(node.test).includes(name);
    case "LogicalExpression":
      return isParam(node.left, name);
    case "BinaryExpression":
      return !/^[-+*/%]$/.test(node.operator as string) && (isParam(node.left, name) || isParam(node.right, name));
    case "UnaryExpression":
      return node.operator === "!" && isParam(node.argument, name);
    default:
      return false;
  }
}
