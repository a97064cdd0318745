// A timer helper's delay that defaults to 0 (`_setTimeout(func, timeout) { if (timeout == null) timeout = 0; ...
// setTimeout(func, timeout) }`): armed whatever its value, a 0 runs the callback at the next tick. It waits for
// nothing, so it is no "no limit". A body that tests the value first (`if (timeout > 0)`, `timeout && ...`) arms no
// timer for a 0, and a call whose 0 is "no limit" (`socket.setTimeout(timeout)`) may get it: those are judged as before.
// Session 27: an emulated timer API (jsdom's `window.setTimeout = function (handler, timeout = 0) { timeout =
// conversions.long(timeout); return timerInitializationSteps(handler, timeout, ...) }`) converts the value in place
// and hands it to a function of the file that clamps negatives to 0 and arms the timer: followed there (two deep).
import { calleePath, type EsNode, FUNCTION_TYPES, isNode, namesRead, unwrap } from "./ast.ts";
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
  definitions?: ReadonlyMap<string, readonly EsNode[]>,
  seen: Set<EsNode> = new Set(),
): boolean {
  let delay = false;
  // Tested, or handed to any other call (`socket.setTimeout(timeout)`, whose 0 is "no limit").
  let other = false;
  seen.add(body);
  walk(body, visitorKeys, (node) => {
    if (other || node === written) return false;
    // The statement that writes the default tests the parameter for "unset", not for its value.
    if (node.type === "IfStatement" && written && writtenDefault(node, name) === written) return false;
    // `timeout = conversions.long(timeout)`, `if (timeout < 0) timeout = 0`: the value converted or clamped in place.
    if (converts(node, name) || clampsNegative(node, name)) return false;
    if (node.type === "CallExpression") {
      const callee = calleePath(node.callee as EsNode) ?? "";
      const timer = TIMER_CALLS.test(callee);
      for (const [position, arg] of (node.arguments as EsNode[]).entries())
        if (isParam(arg, name)) {
          if (timer && position === 1) delay = true;
          else {
            const handed = handedOn(callee, position, definitions, visitorKeys, seen);
            if (handed === undefined) other = true;
            else delay ||= handed;
          }
        }
    }
    if (testsParam(node, name)) other = true;
  });
  return delay && !other;
}

/** How deep the file's functions a delay is handed to are followed. */
const MAX_HANDED = 2;

/**
 * `timerInitializationSteps(handler, timeout, ...)`: the parameter handed by position to a function the file defines
 * (every definition of the name): true when each arms a timer with it whatever its value, false for a function being
 * followed already (a repeat re-arming itself), undefined when any does anything else with it (or cannot be followed).
 */
function handedOn(
  callee: string,
  position: number,
  definitions: ReadonlyMap<string, readonly EsNode[]> | undefined,
  visitorKeys: VisitorKeys | undefined,
  seen: Set<EsNode>,
): boolean | undefined {
  const found = /^[\w$]+$/.test(callee) ? definitions?.get(callee) : undefined;
  if (!found || found.length === 0 || seen.size > MAX_HANDED) return undefined;
  let arms = false;
  for (const fn of found) {
    if (!FUNCTION_TYPES.has(fn.type) || !isNode(fn.body)) return undefined;
    if (seen.has(fn.body)) continue;
    const param = (fn.params as EsNode[])[position];
    if (param?.type !== "Identifier") return undefined;
    if (!firesAtOnce(fn.body, param.name as string, undefined, visitorKeys, definitions, seen)) return undefined;
    arms = true;
  }
  return arms;
}

/** `timeout = conversions.long(timeout)`: the parameter replaced by a call given only it. */
function converts(node: EsNode, name: string): boolean {
  if (node.type !== "AssignmentExpression" || node.operator !== "=" || !isParam(node.left, name)) return false;
  const right = isNode(node.right) ? unwrap(node.right) : undefined;
  const args = right?.type === "CallExpression" ? (right.arguments as EsNode[]) : [];
  return args.length === 1 && isParam(args[0], name);
}

/** `if (timeout < 0) timeout = 0`: negatives clamped to the next tick, the value tested for nothing else. */
function clampsNegative(node: EsNode, name: string): boolean {
  if (node.type !== "IfStatement" || node.alternate || !isNode(node.test)) return false;
  const test = unwrap(node.test);
  const zero = (value: unknown) => isNode(value) && unwrap(value).type === "Literal" && unwrap(value).value === 0;
  if (test.type !== "BinaryExpression" || !/^<=?$/.test(test.operator as string)) return false;
  if (!isParam(test.left, name) || !zero(test.right)) return false;
  let consequent = node.consequent as EsNode;
  if (consequent.type === "BlockStatement" && (consequent.body as EsNode[]).length === 1)
    consequent = (consequent.body as EsNode[])[0]!;
  const assignment = consequent.type === "ExpressionStatement" ? unwrap(consequent.expression as EsNode) : undefined;
  return assignment?.type === "AssignmentExpression" && isParam(assignment.left, name) && zero(assignment.right);
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
