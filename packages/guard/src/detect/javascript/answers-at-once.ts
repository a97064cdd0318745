// A test for "unset" whose branch answers at once: `if (timeoutMs <= 0 || signal?.aborted) return Promise.resolve();`
// ahead of the timer of the wait the function makes (bunqueue's `waitForJob`). For a 0 the function settles at once,
// nothing waits: the test does not make the timer "armed only when set" (`guarded-timers.ts`), a 0 there means "do
// not wait", not "no limit". A bare `return;` is no such answer: a helper that arms a timer for its caller's wait
// (`if (!ms) return; setTimeout(() => req.destroy(), ms)`) leaves that wait unbounded. Nor is a return from a `new
// Promise` executor or a callback (`ZeroFacts.ifStatement`): its value is dropped and the outer promise still waits.
import { calleePath, type EsNode, referenceName, unwrap } from "./ast.ts";
import { isZero } from "./zero-meaning.ts";

/**
 * An already settled promise, which nobody waits on: a rejection, or a resolution with nothing or a literal (a value
 * handed to `Promise.resolve(x)` may itself be pending: `Promise.resolve(this.send(request))` waits on the send).
 */
const REJECTED = /^Promise\.reject$/;
const RESOLVED = /^Promise\.resolve$/;

/** Comparisons a 0 on the other side of makes true, with the 0 on the right (`t <= 0`) and on the left (`0 >= t`). */
const ZERO_ON_RIGHT = /^(<=|===|==)$/;
const ZERO_ON_LEFT = /^(>=|===|==)$/;

/**
 * The references an `if` statement tests for being unset (`!t`, `t <= 0`, `t === 0`, either side of `||`: the branch a
 * 0 takes), when that branch only returns an already settled promise; none otherwise.
 */
export function answeredAtOnce(node: EsNode): EsNode[] {
  return settlesAtOnce(node.consequent as EsNode) ? unsetTests(node.test as EsNode, 0) : [];
}

function settlesAtOnce(raw: EsNode): boolean {
  const body = raw.type === "BlockStatement" ? (raw.body as EsNode[]) : [raw];
  const statement = body.length === 1 ? body[0]! : undefined;
  if (statement?.type !== "ReturnStatement" || !statement.argument) return false;
  const value = unwrap(statement.argument as EsNode);
  if (value.type !== "CallExpression") return false;
  const callee = calleePath(value.callee as EsNode) ?? "";
  if (REJECTED.test(callee)) return true;
  const args = value.arguments as EsNode[];
  return RESOLVED.test(callee) && (args.length === 0 || (args.length === 1 && isSettledValue(unwrap(args[0]!))));
}

/** `null`, `false`, `"none"`, `undefined`, `void 0`: a value that is no promise. */
function isSettledValue(node: EsNode): boolean {
  if (node.type === "Literal") return true;
  if (node.type === "Identifier") return node.name === "undefined";
  return node.type === "UnaryExpression" && node.operator === "void";
}

function unsetTests(raw: EsNode, depth: number): EsNode[] {
  if (depth > 3) return [];
  const node = unwrap(raw);
  if (node.type === "LogicalExpression" && node.operator === "||")
    return [...unsetTests(node.left as EsNode, depth + 1), ...unsetTests(node.right as EsNode, depth + 1)];
  if (node.type === "UnaryExpression" && node.operator === "!") return reference(node.argument as EsNode);
  if (node.type !== "BinaryExpression") return [];
  const left = unwrap(node.left as EsNode);
  const right = unwrap(node.right as EsNode);
  if (isZero(right) && ZERO_ON_RIGHT.test(node.operator as string)) return reference(left);
  if (isZero(left) && ZERO_ON_LEFT.test(node.operator as string)) return reference(right);
  return [];
}

function reference(raw: EsNode): EsNode[] {
  const node = unwrap(raw);
  return referenceName(node) === undefined ? [] : [node];
}
