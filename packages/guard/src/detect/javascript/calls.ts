// Calls that take a timeout: configured APIs, test runners, promise-bounding helpers, deadline timers.
import { matchApi, type TimeoutApi } from "../../apis.ts";
import { isExpiryName } from "../../name-kinds.ts";
import { calleePath, type EsNode, isFunction, memberName, referenceName, span, unwrap } from "./ast.ts";
import { judgeCliOption } from "./cli-options.ts";
import { optionalMethodCall } from "./optional-calls.ts";
import type { Constants } from "./constants.ts";
import type { FileFacts } from "./facts.ts";
import { CONTEXT_TIMEOUTS } from "./test-contexts.ts";
import { awaitedChainTimeout, chainedRequestTimeout, heldRequestTimeout } from "./request-bounds.ts";
import { type HelperParameters, helperTimeouts } from "./deadline-helpers.ts";
import { timerFactoryDeadline } from "./timer-factories.ts";
import { sessionTimeouts } from "./webdriver-timeouts.ts";
import { enclosingFunctions, racedWithin, timerVerdict } from "./timer-verdicts.ts";
import type { Classified } from "./values.ts";
import { MOCHA_TESTS, SWITCH_OFF_APIS, TEST_APIS, TIMEOUT_HELPERS } from "./timers.ts";
import { pipedTimeouts } from "./rxjs-operators.ts";
import { racedDelays } from "./saga-races.ts";
import { setsTransactionValidity } from "./transaction-validity.ts";

/** What judging a call needs from the detector. */
export interface CallJudge {
  readonly facts: FileFacts;
  readonly constants: Constants;
  readonly apis: readonly TimeoutApi[];
  /** Helpers of the package's other files that hand a parameter to a deadline timer (`deadline-helpers.ts`). */
  readonly packageHelpers?: HelperParameters;
  /** Reports the hardcoded or unbounded values `value` holds. */
  report(
    value: EsNode,
    where: string,
    zeroIsUnbounded?: boolean,
    isTest?: boolean,
    negativeIsUnbounded?: boolean,
  ): void;
  /** Reports one value as it is written (`"5000"`, a CLI default given as a string). */
  add(kind: Classified["kind"], node: EsNode, literal: string, where: string, isTest: boolean): void;
}

/** Reports the timeouts a call or `new` passes (`page.setDefaultTimeout(5000)`, `it(..., fn, 10000)`, `pTimeout(op, 1000)`). */
export function judgeCall(judge: CallJudge, node: EsNode): void {
  // `_AbortSignal$timeout.call(_AbortSignal, 5000)`: Babel's `AbortSignal.timeout?.(5000)`, judged as that call.
  const optional = optionalMethodCall(node);
  if (optional) return judgeCall(judge, optional);
  const path = calleePath(node.callee as EsNode);
  if (path === undefined) return;
  if (node.type === "CallExpression" && judgeCliOption(judge, node)) return;
  // `browser.timeouts("implicit", 60000)`, `driver.manage().setTimeouts({ implicit: 5000 })`: a WebDriver session's
  // waits, run by the browser's driver. In a test file a test's own bound (reported as one): no fake clock of the test
  // reaches it, and a test that looks synchronous still blocks on it (WebdriverIO's sync mode runs each command to its
  // end). In a page object or a helper module, a timeout like any other. Named by the callee as written
  // (`driver.manage().setTimeouts()`), not its call path's `<call>` placeholder.
  const session =
    node.type === "CallExpression" ? sessionTimeouts(node, (value) => judge.constants.evaluate(value)) : [];
  const inTest = session.length > 0 && judge.facts.timers.testing();
  const setter = session.length > 0 ? judge.facts.text(node.callee as EsNode) : path;
  for (const value of session) judge.report(value, `as a WebDriver session timeout set by ${setter}()`, false, inTest);
  if (session.length > 0) return;
  // `source$.pipe(take(1), timeout(5000))`: rxjs errors when no value comes in time.
  for (const { value, operator } of pipedTimeouts(node)) {
    const ms = judge.constants.evaluate(value);
    if (ms === undefined || ms > 0)
      judge.report(value, `as the timeout of rxjs's ${operator} operator in a pipe`, false);
  }
  // `yield race({ response: call(fetchApi), timeout: delay(10000) })`: redux-saga resumes when the delay ends first.
  for (const value of racedDelays(node))
    judge.report(value, `as the delay a redux-saga ${path}() races its effects against`);
  const args = (node.arguments as EsNode[]).filter((arg) => arg.type !== "SpreadElement");
  // `timeout(this.query(conn, "ROLLBACK"), 5000)`, `pTimeout(op, 1000)`: a helper that bounds a promise.
  // A literal first argument is no promise (`timeout("t1", 5000)` builds a fixture's lines), and a string second one
  // is no duration: `timeout(conn, "#channel", "user", 600, reason)` is a chat command of that name (Twitch's).
  const bounded = args[0] && unwrap(args[0]);
  const second = args[1] && unwrap(args[1]);
  // The name as called: `(0, util_1.promiseTimeout)(p, ms)` is compiled code's call of an imported helper.
  // `(0, wait_for.A)(cond, 20 * 1000)`: a webpack bundle's call of its own module's export, named as defined.
  const called =
    judge.facts.modules.defaultExportName(path) ??
    judge.facts.webpack.exported(path) ??
    path.slice(path.lastIndexOf(".") + 1);
  // `onceTimeout(10000, emitter, event, handler)`: the file's helper hands that parameter to a deadline timer.
  // A helper of the file named `timeout` whose body arms the deadline (`const timeout = (ms, fn) => ...`, a test
  // suite's) is judged by its body like any other, not as p-timeout's `timeout(promise, ms)`.
  const ownHelper = !TIMEOUT_HELPERS.test(called) || judge.facts.deadlineHelpers.parameters.has(called);
  if (ownHelper && judgeHelperArguments(judge, path, called, args)) return;
  if (
    TIMEOUT_HELPERS.test(called) &&
    args.length >= 2 &&
    bounded?.type !== "Literal" &&
    bounded?.type !== "TemplateLiteral" &&
    !(second?.type === "Literal" && typeof second.value === "string")
  ) {
    for (const arg of args.slice(1)) {
      const value = judge.constants.evaluate(arg);
      if (value !== undefined && value > 0) judge.report(arg, `as the timeout of ${path}()`);
      // `promiseTimeout(call, this.options.maxNavigateDelay ?? 1000)`: whatever the option is called, the helper
      // bounds the promise by it, so its fallback is the default bound.
      const fallback = helperFallback(judge, arg);
      if (fallback) judge.report(fallback, `as the fallback timeout of ${path}()`);
    }
    return;
  }
  // `it("...", fn).timeout(30000)`: mocha's test timeout, chained on the test.
  const callee = unwrap(node.callee as EsNode);
  if (callee.type === "MemberExpression" && memberName(callee) === "timeout" && args[0]) {
    const test = unwrap(callee.object as EsNode);
    if (
      test.type === "CallExpression" &&
      (isMochaTest(judge.facts, test) || judge.facts.mochaRunnables.wrapped(test))
    ) {
      judge.report(args[0], `as the timeout of ${calleePath(test.callee as EsNode)}(...).timeout()`, true, true);
      return;
    }
    // `const suite = new Suite(title, ctx); suite.timeout(0)`: a suite mocha's API built (0: no limit).
    if (test.type === "Identifier" && judge.facts.mochaRunnables.has(test.name as string)) {
      judge.report(args[0], `as the timeout of ${path}()`, true, true);
      return;
    }
  }
  // `unirest.get(url).timeout(2500)`: a request builder's timeout of the request (0 is left to the builder).
  const chained = chainedRequestTimeout(node);
  if (chained && (judge.constants.evaluate(chained) ?? 0) > 0) {
    judge.report(chained, "as the timeout of a request, chained on its builder");
    return;
  }
  // `const req = this.getAgentRequest("get", url); req.timeout(5000)`: the builder held in a local; either way a
  // fallback (`req.timeout(env * 1000 || 305 * 1000)`) is the request's default timeout.
  const held = heldRequestTimeout(judge.facts, node);
  const bound = chained ?? held;
  const fallback = bound ? helperFallback(judge, bound) : undefined;
  if (fallback) {
    judge.report(fallback, "as the fallback timeout of a request, set on its builder");
    return;
  }
  if (held && (judge.constants.evaluate(held) ?? 0) > 0) {
    judge.report(held, "as the timeout of a request, set on its builder");
    return;
  }
  // `Cypress.backend("http:request", o).timeout(10000).then(...)`: a promise's timeout, waited for by the chain.
  const awaited = awaitedChainTimeout(node);
  if (awaited && (judge.constants.evaluate(awaited) ?? 0) > 0) {
    judge.report(awaited, "as the timeout of a promise the chain then waits for");
    return;
  }
  // `t.timeoutAfter(1000)` (tape), `t.timeout(5000)` (AVA): the test's own timeout, set on its context.
  const receiver = callee.type === "MemberExpression" ? unwrap(callee.object as EsNode) : undefined;
  if (
    receiver?.type === "Identifier" &&
    args[0] &&
    CONTEXT_TIMEOUTS.test(memberName(callee) ?? "") &&
    (judge.facts.testContexts.has(receiver.name as string, span(node)[0]) ||
      judge.facts.testContexts.handedTimeout(memberName(callee), receiver.name as string, span(node)[0]) ||
      (memberName(callee) === "timeout" && judge.facts.runnerContexts.has(receiver.name as string, span(node)[0])))
  ) {
    judge.report(args[0], `as the test timeout of ${path}()`, true, true);
    return;
  }
  // `Promise.race([consumer.cancel(), setTimeout(5000)])` (node:timers/promises), `Promise.race([op(),
  // page.waitForTimeout(2000)])` (a page's sleep): the sleep's promise ends the race.
  const canonical = (p: string) => judge.facts.modules.canonical(p);
  const sleep = judge.facts.racedCalls.racedSleep(node, path, canonical, judge.facts.functionSpans);
  if (sleep) {
    if ((judge.constants.evaluate(sleep) ?? 0) > 0)
      judge.report(sleep, `as the delay of ${path}(), a sleep raced against the operation (a deadline)`);
    return;
  }
  const verdict = timerVerdict(judge.facts, node, path, args);
  if (verdict !== undefined) {
    if (verdict === "scripted") return;
    const deadline = verdict === "deadline";
    // A 0 ms timer defers its callback to the next turn; it bounds nothing.
    if (args[1] && judge.constants.evaluate(args[1]) !== 0) {
      const where = `as the delay of a ${path}() that ends or fails the operation when it fires (a deadline)`;
      judge.report(args[1], where);
      // `function deadline(p, millis = 1000) { setTimeout(() => d.reject(err), millis) }`: the default is the delay;
      // so it is of `promiseWithTimeout(value, interval = 1000)`, whose timer's promise races the value in its body.
      const parameter = judge.facts.deadlines.parameterDefault(node, args[1]);
      const fallback =
        parameter && (deadline || verdict === "race" || racedIn(judge.facts, parameter)) ? parameter : undefined;
      if (fallback && (judge.constants.evaluate(fallback) ?? 0) > 0) judge.report(fallback, where);
    }
    return;
  }
  // `Time.getTimer("connect timeout", 120_000, () => reject(new Error("Timeout ...")))`: a factory's deadline timer.
  const made = timerFactoryDeadline(path, args, (value) => judge.constants.evaluate(value));
  if (made) {
    judge.report(made, `as the delay of a ${path}() timer that reports a timeout when it fires (a deadline)`);
    return;
  }
  // `setDefaultTimeout(60 * 1000)` imported from cucumber: an API known by the module it is imported from.
  const imported = judge.facts.modules.canonical(path);
  const api =
    matchApi(judge.apis, "js", path) ??
    judge.apis.find((known) => known.language === "js" && imported !== path && known.callee === imported);
  if (!api) {
    judgeTimeoutSetter(judge, node, path, args);
    return;
  }
  // `(0, promises_1.setTimeout)(1000)`: a sleep from Node's timers module, not a socket's timeout.
  if (path.endsWith(".setTimeout") && judge.facts.timerModules.has(path.slice(0, path.indexOf(".")))) return;
  let targets: EsNode[] = [];
  // `axios.create({ timeout: 0 })`: the options' timeout keys are checked where they are written.
  if (api.argument === "options") return;
  if (api.argument === "all") targets = args;
  else if (api.argument === "last") {
    const last = args.at(-1);
    const beforeLast = args.at(-2);
    // `it("flaky", fn, 2)`: no test or hook runs in 2 ms; a count that small is WebdriverIO's retries of the test.
    const count = last && (judge.constants.evaluate(last) ?? 0);
    if (
      last &&
      args.length >= (api.minArguments ?? 2) &&
      beforeLast &&
      isFunction(beforeLast) &&
      !(count! > 0 && count! < 10)
    )
      targets = [last];
  } else if (args[api.argument]) targets = [args[api.argument]!];
  // `req.setTimeout(1, () => req.abort())` in a test that checks the abort: the scripted action under test.
  if (api.callee === "*.setTimeout" && setsTransactionValidity(node)) return;
  const listener = api.callee === "*.setTimeout" ? args[1] : undefined;
  if (listener && judge.facts.timers.scriptedAbort(node, enclosingFunctions(judge.facts, node), listener)) return;
  // `test("x", { signal: AbortSignal.timeout(1) }, (t) => { ... "abort" ... })`: the abort under test (`sites.ts`).
  if (judge.facts.timers.testing() && scriptedSignal(judge, node)) return;
  const isTest =
    (TEST_APIS.test(api.callee) && !(path.startsWith("this.") && inClass(judge.facts, node))) ||
    api.argument === "last";
  for (const target of targets) {
    // `socket.setTimeout(0)` switches a Node idle timer off after the phase it guarded.
    // `if (cfg.socket !== undefined) socket.setTimeout(cfg.socket || 0)`: only when configured, the
    // configured `false` ("no socket timeout") re-spelled; unguarded, `x ?? 0` is the code's own choice.
    const fallback = unwrap(target);
    const offFallback =
      fallback.type === "LogicalExpression" &&
      judge.constants.evaluate(fallback.right as EsNode) === 0 &&
      guardedAsConfigured(judge.facts, judge.facts.text(fallback.left as EsNode), span(node)[0]);
    if (SWITCH_OFF_APIS.has(api.callee) && (judge.constants.evaluate(target) === 0 || offFallback)) continue;
    // `sqlite3_busy_timeout(db, 0)`: fails at once, no wait to bound.
    if (api.zeroRejectsAtOnce && judge.constants.evaluate(target) === 0) continue;
    judge.report(target, `as the timeout of ${path}()`, api.zeroIsUnbounded ?? true, isTest, api.negativeIsUnbounded);
  }
}

// The arguments a helper hands to a deadline timer (`deadline-helpers.ts`) that are durations: reported; whether any was.
function judgeHelperArguments(judge: CallJudge, path: string, called: string, args: EsNode[]): boolean {
  let reported = false;
  // `Helpers.onceTimeout(...)` with `Helpers = require("./helpers.js")`: a helper of the package's own modules.
  const own = judge.facts.modules.canonical(path)?.startsWith(".") ? judge.packageHelpers : undefined;
  for (const arg of helperTimeouts(judge.facts.deadlineHelpers, called, args, own)) {
    const value = judge.constants.evaluate(arg);
    if (value === undefined || value <= 0 || value === Number.POSITIVE_INFINITY) continue;
    judge.report(arg, `as the timeout of ${path}(), which bounds the wait with it`);
    reported = true;
  }
  return reported;
}

// `consumer.setDefaultConsumeTimeout(1000)`, `client.setRequestTimeout(5000)`: a setter whose name says it sets a
// timeout, given a duration; a builder's `container.withStartupTimeout(120_000)` too. A 0 or a negative is left to
// the receiver (no wait, or no limit, by API).
function judgeTimeoutSetter(judge: CallJudge, node: EsNode, path: string, args: EsNode[]): void {
  const setting = /^(?:set|with)([A-Z]\w*Time[Oo]ut\w*)$/.exec(path.slice(path.lastIndexOf(".") + 1))?.[1];
  if (!setting || args.length !== 1 || !judge.facts.isTimeout(setting) || isExpiryName(setting)) return;
  const value = judge.constants.evaluate(args[0]!);
  if (value !== undefined && value > 0 && value !== Number.POSITIVE_INFINITY)
    judge.report(args[0]!, `as the timeout set by ${path}()`);
}

// `opts.x ?? 1000`, `opts.x || 1000`: the duration a helper's argument falls back to, if it is one.
function helperFallback(judge: CallJudge, arg: EsNode): EsNode | undefined {
  const value = unwrap(arg);
  if (value.type !== "LogicalExpression" || value.operator === "&&") return undefined;
  // `opts.timeout ?? 1000`: a timeout's fallback is reported where it is written, by its name.
  if (judge.facts.isTimeout(referenceName(unwrap(value.left as EsNode)))) return undefined;
  const fallback = unwrap(value.right as EsNode);
  const ms = judge.constants.evaluate(fallback);
  return ms !== undefined && ms > 0 && ms !== Number.POSITIVE_INFINITY ? fallback : undefined;
}

/** A `Promise.race` of the function whose parameter default `value` is (the helper that arms the timer) races it. */
function racedIn(facts: FileFacts, value: EsNode): boolean {
  const helper = enclosingFunctions(facts, value)[0];
  return helper !== undefined && racedWithin(facts, helper);
}

/**
 * `it(...)`, `describe.skip(...)`, or the same imported from mocha under a module binding (TypeScript's CommonJS
 * output: `(0, mocha_1.it)(...)`, `mocha_1.it.skip(...)`; @dxos/echo-db, fresh397).
 */
function isMochaTest(facts: FileFacts, test: EsNode): boolean {
  const path = calleePath(test.callee as EsNode) ?? "";
  if (MOCHA_TESTS.test(path)) return true;
  const canonical = facts.modules.canonical(path);
  return canonical?.startsWith("mocha.") === true && MOCHA_TESTS.test(canonical.slice("mocha.".length));
}

function inClass(facts: FileFacts, node: EsNode): boolean {
  const [start] = span(node);
  return facts.classBodies.some(([from, to]) => from < start && start < to);
}

// Inside `if (<reference> !== undefined)` (or `!= null`): the code runs only when the caller configured it.
function guardedAsConfigured(facts: FileFacts, reference: string, at: number): boolean {
  return facts.configuredGuards.some(
    ([from, to, test]) => from <= at && at < to && test.includes(reference) && /!==?\s*(undefined|null)\b/.test(test),
  );
}

/** A signal handed in `{ signal: AbortSignal.timeout(1) }` to a call of a test that expects the abort. */
function scriptedSignal(judge: CallJudge, node: EsNode): boolean {
  return judge.facts.signalDeadlines.scripted(node, judge.facts.source, () => enclosingFunctions(judge.facts, node));
}
