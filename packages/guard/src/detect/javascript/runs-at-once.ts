// A timer armed only when its delay is set, whose callback runs at once otherwise (session 26, guard-ui26): floating-
// ui's `FloatingDelayGroup` (`timeoutMs = 0`):
//
//     if (timeoutMs) {
//       const timeout = window.setTimeout(unset, timeoutMs);
//       return () => clearTimeout(timeout);
//     }
//     unset();
//
// or `if (ms > 0) setTimeout(done, ms); else done();`. A 0 there runs the same callback without the pause: "no delay",
// not "no timer" (`guarded-timers.ts`' "armed only when set", whose 0 leaves a wait without its bound). The test does
// not make the timer a guarded one, as a branch that settles at once does not (`answers-at-once.ts`).
import { calleePath, type EsNode, referenceName, unwrap } from "./ast.ts";
import { isZero } from "./zero-meaning.ts";

/** A plain timer: `setTimeout(fn, ms)`, `window.setTimeout(fn, ms)`. */
const TIMER = /^((window|globalThis|self|global)\.)?setTimeout$/;

/**
 * The references tested for being set by the `if` statements of `body` (a block's statements) whose branch arms a
 * timer with a named callback that the other way runs at once: in the `else`, or in the statement right after an `if`
 * whose branch returns.
 */
export function runsAtOnce(body: readonly EsNode[]): EsNode[] {
  const out: EsNode[] = [];
  body.forEach((statement, index) => {
    if (statement.type !== "IfStatement") return;
    const callbacks = timerCallbacks(statement.consequent as EsNode);
    if (callbacks.size === 0) return;
    const otherwise = statement.alternate
      ? (statement.alternate as EsNode)
      : returns(statement.consequent as EsNode)
        ? body[index + 1]
        : undefined;
    const called = otherwise ? calledAtOnce(otherwise) : undefined;
    if (called !== undefined && callbacks.has(called)) out.push(...setTests(statement.test as EsNode));
  });
  return out;
}

/** The statements of a branch. */
function statements(node: EsNode): EsNode[] {
  return node.type === "BlockStatement" ? (node.body as EsNode[]) : [node];
}

/** Named callbacks of the timers a branch arms in its own statements (`const t = setTimeout(unset, ms)`, `setTimeout(unset, ms)`). */
function timerCallbacks(branch: EsNode): Set<string> {
  const names = new Set<string>();
  for (const statement of statements(branch)) {
    const expressions =
      statement.type === "ExpressionStatement"
        ? [statement.expression as EsNode]
        : statement.type === "VariableDeclaration"
          ? (statement.declarations as EsNode[]).map((d) => d.init as EsNode).filter(Boolean)
          : [];
    for (const raw of expressions) {
      const node = unwrap(raw);
      const call = node.type === "AssignmentExpression" ? unwrap(node.right as EsNode) : node;
      if (call.type !== "CallExpression" || !TIMER.test(calleePath(call.callee as EsNode) ?? "")) continue;
      const first = (call.arguments as EsNode[])[0];
      const name = first && unwrap(first).type === "Identifier" ? (unwrap(first).name as string) : undefined;
      if (name !== undefined && (call.arguments as EsNode[]).length >= 2) names.add(name);
    }
  }
  return names;
}

/** Whether a branch ends in a `return`. */
function returns(branch: EsNode): boolean {
  return statements(branch).at(-1)?.type === "ReturnStatement";
}

/** `unset();` or `{ unset(); }`: the function a statement (or a one-statement block) calls. */
function calledAtOnce(raw: EsNode): string | undefined {
  const list = statements(raw);
  const statement = list.length === 1 ? list[0]! : undefined;
  if (statement?.type !== "ExpressionStatement") return undefined;
  const call = unwrap(statement.expression as EsNode);
  if (call.type !== "CallExpression") return undefined;
  const callee = unwrap(call.callee as EsNode);
  return callee.type === "Identifier" ? (callee.name as string) : undefined;
}

/** `t`, `t > 0`, `t !== 0`, `0 < t`, either side of `&&`: the references a test finds set. */
function setTests(raw: EsNode, depth = 0): EsNode[] {
  if (depth > 3) return [];
  const node = unwrap(raw);
  if (referenceName(node) !== undefined) return [node];
  if (node.type === "LogicalExpression" && node.operator === "&&")
    return [...setTests(node.left as EsNode, depth + 1), ...setTests(node.right as EsNode, depth + 1)];
  if (node.type !== "BinaryExpression") return [];
  const left = unwrap(node.left as EsNode);
  const right = unwrap(node.right as EsNode);
  if (isZero(right) && /^(>|!==|!=)$/.test(node.operator as string) && referenceName(left) !== undefined) return [left];
  if (isZero(left) && /^(<|!==|!=)$/.test(node.operator as string) && referenceName(right) !== undefined)
    return [right];
  return [];
}
