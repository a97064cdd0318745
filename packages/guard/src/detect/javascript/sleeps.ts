// Sleeps (session 29, guard-delay29): an awaited statement that only waits for a duration to pass, nothing raced
// with it (`await sleep(ms);`, `yield delay_1.delay(ms);`, `await utils.setTimeout(500);`, `await new Promise((r) =>
// setTimeout(r, ms));`). Its duration is a pause, never a bound on a wait (`pause-names.ts`).
import { type EsNode, FUNCTION_TYPES, isNode, memberName, span, unwrap } from "./ast.ts";

/** An argument that is no duration: a table of settings, a list, a callback. */
const NOT_A_DURATION = new Set([
  "ObjectExpression",
  "ArrayExpression",
  "FunctionExpression",
  "ArrowFunctionExpression",
]);

/**
 * A callee that only sleeps when awaited with one argument (`await sleep(ms)`, `await utils.setTimeout(500)`, a
 * class's private helper `await this._delay(ms)`), also as a bundler renames it: esbuild's default import
 * `sleep_default` (@tago-io/sdk's chunk-upload retries, fresh370), a copy's `sleep2` or `sleep$1`.
 */
const SLEEP_CALLEE = /^_*(sleep|delay|wait|pause|setTimeout)(_default|\$?\d+)?$/i;

export function calleeName(callee: EsNode): string | undefined {
  const node = unwrap(callee);
  if (node.type === "Identifier") return node.name as string;
  if (node.type === "MemberExpression") return memberName(node);
  // `(0, utils_1.sleep)(ms)`: TypeScript's emitted call of an imported function.
  if (node.type === "SequenceExpression") {
    const list = node.expressions as EsNode[];
    return calleeName(list[list.length - 1]!);
  }
  return undefined;
}

export function pathOf(node: EsNode): string | undefined {
  const n = unwrap(node);
  if (n.type === "Identifier") return n.name as string;
  if (n.type === "MemberExpression" && !n.computed) {
    const object = pathOf(n.object as EsNode);
    return object === undefined ? undefined : `${object}.${(n.property as EsNode).name as string}`;
  }
  return undefined;
}

/**
 * A function body's only expression: the arrow's own, or a block's single statement, an expression or a `return` of
 * one (TypeScript's ES5 output of an arrow: `function (resolve) { return setTimeout(resolve, ms); }`).
 */
function onlyExpression(body: EsNode): EsNode | undefined {
  if (body.type !== "BlockStatement") return body;
  const statements = body.body as EsNode[];
  const only = statements.length === 1 ? statements[0]! : undefined;
  const value =
    only?.type === "ExpressionStatement"
      ? only.expression
      : only?.type === "ReturnStatement"
        ? only.argument
        : undefined;
  return isNode(value) ? value : undefined;
}

/** `new Promise((r) => setTimeout(r, D))`, `new Promise((r) => { setTimeout(() => r(), D) })`: D. */
function sleepPromiseDelay(node: EsNode): EsNode | undefined {
  if (node.type !== "NewExpression" || pathOf(node.callee as EsNode) !== "Promise") return undefined;
  const executor = (node.arguments as EsNode[])[0];
  if (!executor || !FUNCTION_TYPES.has(unwrap(executor).type)) return undefined;
  const fn = unwrap(executor);
  const resolve = (fn.params as EsNode[])[0];
  if (resolve?.type !== "Identifier") return undefined;
  const call = unwrap(onlyExpression(fn.body as EsNode) ?? fn);
  if (call.type !== "CallExpression" || calleeName(call.callee as EsNode) !== "setTimeout") return undefined;
  const [callback, delay] = call.arguments as EsNode[];
  if (!callback || !delay) return undefined;
  const name = resolve.name as string;
  const cb = unwrap(callback);
  const resolves =
    (cb.type === "Identifier" && cb.name === name) ||
    (FUNCTION_TYPES.has(cb.type) &&
      isNode(cb.body) &&
      (() => {
        const inner = unwrap(onlyExpression(cb.body as EsNode) ?? cb);
        return inner.type === "CallExpression" && pathOf(inner.callee as EsNode) === name;
      })());
  return resolves ? delay : undefined;
}

/**
 * A callee that sleeps when called as a statement without `await`: a scripting host's synchronous sleep (fqterm's
 * `sleep(timeout);` between keystrokes, k6's `sleep(1)`, `WScript.Sleep(500)`). Named `sleep` only: an un-awaited
 * `delay(ms)` or `wait(ms)` may start something that runs on.
 */
const SYNCHRONOUS_SLEEP = /^sleep$/i;

/**
 * What TypeScript's ES5 output awaits at `node`: `return [4, sleep(ms)];` (4 is its yield) in a `__generator` body is `await
 * sleep(ms);` (@visaright/camunda-rest-client's `dist/common.js`, fresh416).
 */
function downlevelAwait(node: EsNode): EsNode | undefined {
  if (node.type !== "ReturnStatement" || !isNode(node.argument)) return undefined;
  const array = node.argument as EsNode;
  const [op, value] = (array.elements as (EsNode | null)[] | undefined) ?? [];
  if (array.type !== "ArrayExpression" || (array.elements as unknown[]).length !== 2) return undefined;
  return op?.type === "Literal" && op.value === 4 && isNode(value) ? value : undefined;
}

/**
 * The delay an awaited statement sleeps for (`await sleep(D);`, `yield delay_1.delay(D);`, `await new Promise(...)`,
 * `await waitFor(D);` where `sleepers` says `waitFor` is a sleep helper of the file or its package), or a synchronous
 * `sleep(D);` statement.
 */
export function sleptDelay(
  node: EsNode,
  parent: EsNode | undefined,
  sleepers?: ReadonlySet<string>,
): EsNode | undefined {
  if (node.type === "CallExpression" && parent?.type === "ExpressionStatement") {
    const args = node.arguments as EsNode[];
    const name = calleeName(node.callee as EsNode);
    const duration = args.length === 1 && !NOT_A_DURATION.has(unwrap(args[0]!).type);
    return duration && name !== undefined && SYNCHRONOUS_SLEEP.test(name) ? args[0] : undefined;
  }
  const downlevel = downlevelAwait(node);
  if (downlevel === undefined) {
    if (node.type !== "AwaitExpression" && node.type !== "YieldExpression") return undefined;
    if (parent?.type !== "ExpressionStatement" || !isNode(node.argument)) return undefined;
  }
  const argument = unwrap(downlevel ?? (node.argument as EsNode));
  if (argument.type === "NewExpression") return sleepPromiseDelay(argument);
  if (argument.type !== "CallExpression") return undefined;
  const args = argument.arguments as EsNode[];
  const name = calleeName(argument.callee as EsNode);
  // WebdriverIO's `await browser.setTimeout({ implicit: 5000 })` sets session timeouts: a sleep is given a duration.
  const duration = args.length === 1 && !NOT_A_DURATION.has(unwrap(args[0]!).type);
  return duration && name !== undefined && (SLEEP_CALLEE.test(name) || sleepers?.has(name) === true)
    ? args[0]
    : undefined;
}

/**
 * Whether `fn` only sleeps for its first parameter (webdriver-image-comparison's `export async function
 * waitFor(milliseconds) { return new Promise((resolve) => setTimeout(() => resolve(), milliseconds)); }`): a sleep
 * helper whatever it is called, so `await waitFor(fullPageScrollTimeout);` is a sleep too.
 */
export function sleepsForFirst(fn: unknown): boolean {
  const slept = sleepParameter(fn);
  const first = slept && isNode(fn) ? ((unwrap(fn).params as EsNode[] | undefined) ?? [])[0] : undefined;
  return first !== undefined && span(first)[0] === slept![0];
}

/**
 * [start, end) of the parameter a sleep helper sleeps for: rsshub's `const delay = (timeout = 1000) => new Promise(
 * (resolve) => setTimeout(resolve, timeout))`, or a body that only returns (or awaits) that promise. Its default is
 * a pause, whatever the parameter is called.
 */
export function sleepParameter(fn: unknown): [number, number] | undefined {
  if (!isNode(fn)) return undefined;
  const value = unwrap(fn);
  if (!FUNCTION_TYPES.has(value.type) || !isNode(value.body)) return undefined;
  const body = onlyExpression(value.body as EsNode);
  if (!body) return undefined;
  let promise = unwrap(body);
  if (promise.type === "AwaitExpression" && isNode(promise.argument)) promise = unwrap(promise.argument as EsNode);
  const delay = promise.type === "NewExpression" ? sleepPromiseDelay(promise) : undefined;
  const name = delay && unwrap(delay).type === "Identifier" ? (unwrap(delay).name as string) : undefined;
  for (const param of (value.params as EsNode[] | undefined) ?? []) {
    const target = param.type === "AssignmentPattern" ? (param.left as EsNode) : param;
    if (name !== undefined && target.type === "Identifier" && target.name === name) return span(param);
  }
  return undefined;
}
