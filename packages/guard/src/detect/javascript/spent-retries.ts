// A retry whose timer gives up once its attempts are spent: `setTimeout(() => { if (0 === maxRetries) return
// reject("Maximum retries exceeded"); retry(fn, args, maxRetries - 1, interval).then(resolve, reject) }, interval)`.
// The callback calls again the function that armed the timer with one attempt fewer; the reject it also holds runs
// only when the count it hands on runs out, not when a wait took too long. Its delay is the pause between attempts,
// not a deadline (`callback-effects.ts`'s `onlyRetries` is the same judgment for a callback with no give-up).
import { calleePath, type EsNode, isNode, memberName, span, unwrap } from "./ast.ts";
import { isLog } from "./callback-effects.ts";
import { walk, type VisitorKeys } from "./walk.ts";

/**
 * Whether a function named `name` armed the timer `call`, as `callback-effects.ts`'s `onlyRetries` decides it: a bare
 * name, the definition the timer's code sees (`visible`); a method name, any definition of it around the call.
 */
export function armedBy(
  call: EsNode,
  definitions: ReadonlyMap<string, readonly EsNode[]>,
  visible: (name: string, at: number) => EsNode | undefined,
): (name: string, bare: boolean) => boolean {
  const [at] = span(call);
  const contains = (fn: EsNode) => {
    const [from, to] = span(fn);
    return from < at && at < to;
  };
  return (name, bare) => {
    const seen = bare ? visible(name, at) : undefined;
    return seen !== undefined ? contains(seen) : (definitions.get(name) ?? []).some(contains);
  };
}

/** A string or comment saying something timed out: the give-up reports a timeout, so it may be a deadline. */
const TIMED_OUT = /time[ds]?[\s_-]?out/i;

/** Steps chained on the retry's promise that only hand its settlement on (`.then(resolve, reject)`). */
const CHAINED = /^(then|catch|finally)$/;

/**
 * Whether `callback` (written in place) only calls again, by name, a function `arms` says armed the timer, handing it a
 * counter moved by a constant (`maxRetries - 1`, `attempt + 1`, `--left`), and otherwise only logs or gives up in an
 * `if` that tests that counter (and says nothing of a timeout).
 */
export function retriesUntilSpent(
  callback: EsNode,
  arms: (name: string, bare: boolean) => boolean,
  source: string,
  visitorKeys: VisitorKeys | undefined,
): boolean {
  const fn = unwrap(callback);
  if (fn.type !== "ArrowFunctionExpression" && fn.type !== "FunctionExpression") return false;
  const body = fn.body as EsNode;
  if (body.type !== "BlockStatement") return false;
  const statements = body.body as EsNode[];
  const counters = new Set<string>();
  let retries = false;
  const rest: EsNode[] = [];
  for (const statement of statements) {
    const expression =
      statement.type === "ExpressionStatement" || statement.type === "ReturnStatement"
        ? (statement.expression ?? statement.argument)
        : undefined;
    const again = isNode(expression) ? retryCall(unwrap(expression as EsNode), arms) : undefined;
    if (again) {
      retries = true;
      for (const name of movedCounters(again)) counters.add(name);
    } else rest.push(statement);
  }
  if (!retries || counters.size === 0) return false;
  return rest.every((statement) => {
    if (statement.type === "IfStatement") return givesUpWhenSpent(statement, counters, source, visitorKeys);
    if (statement.type !== "ExpressionStatement" || !isNode(statement.expression)) return false;
    const expression = unwrap(statement.expression as EsNode);
    return expression.type === "CallExpression" && isLog(calleePath(expression.callee as EsNode) ?? "");
  });
}

/** The call to an arming function at the root of `retry(...)`, `retry(...).then(resolve, reject)`, or undefined. */
function retryCall(expression: EsNode, arms: (name: string, bare: boolean) => boolean): EsNode | undefined {
  let current = expression;
  for (;;) {
    if (current.type !== "CallExpression") return undefined;
    const callee = unwrap(current.callee as EsNode);
    if (callee.type === "Identifier") return arms(callee.name as string, true) ? current : undefined;
    if (callee.type !== "MemberExpression") return undefined;
    const object = unwrap(callee.object as EsNode);
    const name = memberName(callee);
    // `this.retry(...)`: a method of the object the timer is armed in.
    if (object.type === "ThisExpression") return name !== undefined && arms(name, false) ? current : undefined;
    const settled = (current.arguments as EsNode[]).every((arg) => unwrap(arg).type === "Identifier");
    if (name === undefined || !CHAINED.test(name) || !settled) return undefined;
    current = object;
  }
}

/** The counters a retry call hands on moved by a constant: `left - 1`, `attempt + 1`, `--left`, `attempt++`. */
function movedCounters(call: EsNode): string[] {
  const names: string[] = [];
  for (const raw of call.arguments as EsNode[]) {
    const arg = unwrap(raw);
    if (arg.type === "UpdateExpression" && unwrap(arg.argument as EsNode).type === "Identifier")
      names.push(unwrap(arg.argument as EsNode).name as string);
    if (arg.type !== "BinaryExpression" || (arg.operator !== "-" && arg.operator !== "+")) continue;
    const [left, right] = [unwrap(arg.left as EsNode), unwrap(arg.right as EsNode)];
    if (left.type === "Identifier" && right.type === "Literal" && typeof right.value === "number")
      names.push(left.name as string);
  }
  return names;
}

/** `if (0 === maxRetries) return reject(...)`: a give-up that tests a counter, with no else and no word of a timeout. */
function givesUpWhenSpent(
  statement: EsNode,
  counters: ReadonlySet<string>,
  source: string,
  visitorKeys: VisitorKeys | undefined,
): boolean {
  if (isNode(statement.alternate)) return false;
  let tests = false;
  walk(statement.test as EsNode, visitorKeys, (node) => {
    if (node.type === "Identifier" && counters.has(node.name as string)) tests = true;
  });
  const [from, to] = span(statement);
  return tests && !TIMED_OUT.test(source.slice(from, to));
}

/**
 * Whether the function the timer is armed in (`around`) settles the promise beside the timer with the executor's
 * `settlers` (`socket.once("ack", resolve)`, `execFile(...).then(resolve, reject)`): the attempt races the timer, so
 * its delay is the attempt's deadline however the retry counts. A timer armed only after a failed attempt
 * (`.catch(() => setTimeout(...))`) settles nothing beside it.
 */
export function settlesBeside(
  callback: EsNode,
  around: EsNode | undefined,
  settlers: ReadonlySet<string>,
  visitorKeys: VisitorKeys | undefined,
): boolean {
  if (around === undefined || settlers.size === 0 || !isNode(around.body)) return false;
  let found = false;
  walk(around.body as EsNode, visitorKeys, (node) => {
    if (found || node === callback) return false;
    if (node.type === "Identifier" && settlers.has(node.name as string)) found = true;
  });
  return found;
}
