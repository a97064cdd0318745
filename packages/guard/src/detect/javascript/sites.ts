// The sites that can hold a timeout (properties, fields, declarators, assignments, defaults, fallbacks, returns,
// JSX props, calls) and what each reports.
import type { RawFinding } from "../types.ts";
import {
  calleePath,
  converted,
  type EsNode,
  isNode,
  isNullish,
  isPattern,
  memberName,
  propertyName,
  referenceName,
  span,
  unwrap,
} from "./ast.ts";
import { type CallJudge, judgeCall } from "./calls.ts";
import type { MeaningSite } from "./meaning.ts";
import type { Classifier } from "./classify.ts";
import { readBackSubject } from "./duration-builders.ts";
import { isResetValue } from "./not-durations.ts";
import { declaredSetting, mapSettings } from "./named-settings.ts";
import { cacheDeleteFinding } from "./redis.ts";
import { reportForever, reportPerAttempt } from "./retry-reports.ts";
import { RETRY_CALLS, RETRY_OPTIONS, TEST_OPTIONS } from "./timers.ts";
import { heldSignalDuration, signalDuration } from "./request-bounds.ts";
import { enclosingFunctions } from "./timer-verdicts.ts";
import { numericString } from "./values.ts";
import { reportNullishDefault } from "./nullish-defaults.ts";
import { utilityFallback } from "./value-shapes.ts";

/** What judging a site needs from the detector, beyond what judging a call does. */
export interface SiteJudge extends CallJudge, MeaningSite {
  readonly classifier: Classifier;
  /**
   * The name the site being judged stores its value under (`idleTimeout` for `this.idleTimeout = 0`); a fallback
   * site sets it to the name it falls back for.
   */
  siteName: string | undefined;
  /** Initialisers of locals declared `const t = x.timeout || 5000` (the fallback is judged with its local). */
  readonly windowFallbacks: Set<EsNode>;
  /** A local whose function (callbacks included) passes it as a measurement window's delay. */
  isWindowDelay(name: string, node: EsNode): boolean;
  /** Keeps a finding another rule made (a local cache delete), replacing any at the same span. */
  addFinding(finding: RawFinding): void;
  /** Another file of the package shows the site's name (or the name its value is stored under) reaching a wait. */
  reachesWaitElsewhere(zero: boolean): boolean;
}

/** Reports the timeouts one site holds (`judge.siteName` is the site's destination name). */
export function judgeSite(judge: SiteJudge, node: EsNode): void {
  switch (node.type) {
    case "Property": {
      const name = propertyName(node);
      if (name !== undefined && RETRY_OPTIONS.test(name)) {
        reportForever(judge, node.value as EsNode, `in "${name}"`);
        return;
      }
      reportPerAttempt(judge, name, node.value as EsNode);
      // `fetch(url, { signal: timeoutSignal(5000) })`: a helper's abort signal after a duration bounds the request.
      // In a test that expects the abort (`t.signal.addEventListener("abort", done)`), the abort under test.
      const signal = signalDuration(node);
      if (signal && (judge.constants.evaluate(signal) ?? 0) > 0 && !scriptedSignal(judge, node.value as EsNode, node))
        judge.report(signal, `as the delay of the abort signal in "${name}"`);
      // `http2: { sessionTimeout: 100 }`: an HTTP/2 session's idle timeout, a wait (a login session's is an expiry).
      // An axios config's `timeout` is axios' request timeout, whatever the file's other `timeout`s are (a bundle's
      // retry timers armed with a `timeout` of their own).
      const known = judge.facts.noWait.connectionSessions.has(node) || judge.facts.axiosConfigTimeouts.has(node);
      if (!judge.facts.isTimeout(name) && !(name !== undefined && known)) return;
      const value = node.value as EsNode;
      // `{ timeout = 5000 } = options` and `{ timeout: t = 5000 }`: a destructuring default.
      const isTest = TEST_OPTIONS.test(name);
      if (value.type === "AssignmentPattern") judge.report(value.right as EsNode, `as the default of "${name}"`);
      else if (isNullish(unwrap(value))) reportNullishDefault(judge, node, name);
      else if (judge.facts.timestampNames.has(name) && isResetValue(value)) return;
      else if (!isPattern(value)) judge.report(value, `in "${name}"`, undefined, isTest);
      return;
    }
    case "PropertyDefinition":
    case "AccessorProperty": {
      // A class field initialised to 0 or a negative sentinel is reset state, not a duration.
      const name = propertyName(node);
      // `connectionTimeout: number = 0` then `if (this.connectionTimeout > 0) setTimeout(..., this.connectionTimeout)`:
      // the file shows 0 arms no timer, so the default is "no limit".
      // Or another file of the package does (batch-cluster's options class `taskTimeoutMillis = 0`, armed elsewhere).
      // Or its doc comment says the 0 is "no limit" (`Default is 0 (disabled)` above scanbot's `autoCancelTimeout = 0`).
      const disables =
        judge.facts.zero.disables(name) ||
        judge.reachesWaitElsewhere(true) ||
        (isNode(node.value) &&
          judge.constants.evaluate(node.value as EsNode) === 0 &&
          judge.facts.noLimit.documented(name, span(node.value)[0]));
      const noTimer = isNode(node.value) && disables && !isNegative(node.value);
      // `static readonly minimumTimeout = Duration.ofMilliseconds(250)`, only handed to `isGreaterThanOrEqualTo(...)`:
      // the least a caller may configure, a bound of a validation (the field is its one definition).
      const bound = name !== undefined && judge.facts.bounds.onlyBounds(name, 1, judge.facts.source);
      if (judge.facts.isTimeout(name) && isNode(node.value) && (!isResetValue(node.value) || noTimer) && !bound) {
        judge.report(node.value, `in "${name}"`);
      }
      return;
    }
    case "VariableDeclarator": {
      // `const timeout = 500`, `const timeoutMs = opts.timeoutMs ?? 1_000`: wherever the name is used.
      const id = node.id as EsNode;
      // `const deadline = Date.now() + 5000`: a literal added to the clock is a deadline's duration.
      const added = id.type === "Identifier" && isNode(node.init) ? judge.classifier.clockOffset(node.init) : undefined;
      // `let timeout = Date.now() + 10000` (sync-rpc's ping loop): a timeout-named local point in time is a deadline
      // too (a field so named may be when to retry: `conn.resurrectTimeout = Date.now() + 60_000`).
      if (added && (/deadline/i.test(id.name as string) || judge.facts.isTimeout(id.name as string))) {
        if (
          judge.facts.idleBudgets.onlyBudget(judge.facts.source, judge.facts.functionSpans, id.name as string, span(id))
        )
          return;
        judge.report(added, `added to the clock for "${String(id.name)}"`);
        return;
      }
      // `const timeout = options?.timeout ?? 50` read only by the shim's `timeRemaining()` (@astrojs/prefetch, fresh241).
      if (
        id.type === "Identifier" &&
        judge.facts.isTimeout(id.name as string) &&
        judge.facts.idleBudgets.onlyBudget(judge.facts.source, judge.facts.functionSpans, id.name as string, span(id))
      ) {
        // Its fallback (`?? 50`) is judged here too, not again as a timeout option's default.
        if (isNode(node.init)) judge.facts.judgedBySite.add(unwrap(node.init));
        return;
      }
      if (id.type === "Identifier" && isNode(node.init)) reportPerAttempt(judge, id.name as string, node.init);
      // `const signal = timeoutSignal(15000)`, then `fetch(url, { signal })`: the held signal's delay.
      const held =
        id.type === "Identifier" && isNode(node.init) ? heldSignalDuration(id.name as string, node.init) : undefined;
      if (held && (judge.constants.evaluate(held) ?? 0) > 0 && !scriptedSignal(judge, node.init as EsNode, node))
        judge.report(held, `as the delay of the abort signal held in "${String(id.name)}"`);
      if (id.type === "Identifier" && judge.facts.isTimeout(id.name as string) && isNode(node.init)) {
        // `MINIMUM_EXECUTABLE_TIMEOUT_MILLIS = 5 * 1000`, only compared with the configured timeout: a bound.
        if (
          judge.facts.bounds.onlyBounds(
            id.name as string,
            judge.facts.bindingCounts.get(id.name as string),
            judge.facts.source,
          )
        )
          return;
        // `DEFAULT_BATCH_TIMEOUT = 2e3` only as the fallback of `this.batchTimeout`, a flush timer's delay: the setting
        // must be shown a schedule (a timer that renews, polls or flushes, no liveness or elapsed-time bound). A name the
        // file merely judges no timeout says too little: a local `timeout` holds many values (smtp-server's
        // `let timeout = this.options.closeTimeout || CLOSE_TIMEOUT`, a force-close deadline).
        const schedule = (name: string) =>
          judge.facts.noWait.schedules.has(name) &&
          !judge.facts.deadlines.liveness.has(name) &&
          !judge.facts.noWait.elapsedBounds.has(name);
        if (judge.facts.storedFallbacks.onlyInto(id.name as string, judge.facts.source, schedule)) return;
        if (judge.isWindowDelay(id.name as string, node)) {
          judge.windowFallbacks.add(unwrap(node.init));
          return;
        }
        judge.report(node.init, `assigned to "${String(id.name)}"`);
      }
      return;
    }
    case "AssignmentExpression": {
      const target = node.left as EsNode;
      // `timeoutInMs -= bufferInMs`: a margin taken off the timeout; `t *= 2`: a backoff step.
      if (!/^(=|\+=|\?\?=|\|\|=)$/.test(node.operator as string)) return;
      // `XHRFake.timeout = 2000`: a fake's simulated delay, not a deadline.
      if (target.type === "MemberExpression" && judge.facts.noWait.isDouble(target.object as EsNode)) return;
      // `if (c.presenceTimeout > MAXIMUM) c.presenceTimeout = MAXIMUM`: the clamp is judged with its bound's declaration.
      if (judge.facts.bounds.clamps.has(node)) return;
      const name = target.type === "MemberExpression" ? memberName(target) : undefined;
      const added = judge.classifier.clockOffset(node.right as EsNode);
      const targetName = referenceName(target);
      if (added && targetName !== undefined && /deadline/i.test(targetName)) {
        judge.report(added, `added to the clock for "${targetName}"`);
        return;
      }
      if (target.type === "Identifier" && judge.facts.isTimeout(target.name as string)) {
        // `timeout = timeout == null ? 10e3 : timeout`
        judge.report(node.right as EsNode, `assigned to "${String(target.name)}"`);
      } else if (judge.facts.isTimeout(name)) {
        // `this._uploadTimeout = 0` resets the object's own state; `server.requestTimeout = 0` configures a server.
        // `conn.resurrectTimeout = 0` where the file also sets it to `Date.now() + t`: a point in time, reset.
        const own = unwrap(target.object as EsNode).type === "ThisExpression" || judge.facts.timestampNames.has(name);
        // In a constructor, a field set to 0 that the file tests before arming a timer is its "no limit" default.
        // So does one another file of the package shows armed only when set (`reachesWaitElsewhere`).
        const disables = judge.facts.zero.disables(name) || judge.reachesWaitElsewhere(true);
        const noTimer = disables && judge.facts.zero.constructors.inConstructor(span(node)[0]);
        const reset = isResetValue(node.right as EsNode) && !noTimer;
        // `Utilities.minimumTimeout = 5` (a compiled static field) only compared with a configured timeout: a bound.
        const bound = !own && judge.facts.bounds.onlyBounds(name!, 1, judge.facts.source);
        if (!(own && reset) && !bound) judge.report(node.right as EsNode, `assigned to "${name}"`);
      }
      return;
    }
    case "AssignmentPattern": {
      const left = node.left as EsNode;
      if (left.type === "Identifier" && judge.facts.isTimeout(left.name as string)) {
        judge.report(node.right as EsNode, `as the default of "${String(left.name)}"`);
      }
      return;
    }
    case "LogicalExpression": {
      // `this.options.timeout || 20000`, `opts.timeoutMs ?? 5000`: the fallback of a timeout is a
      // default timeout wherever the expression goes (a timer helper, a field, an argument). Only
      // durations: a 0 fallback often switches a feature off, and the sites above judge those.
      if (node.operator === "&&" || judge.facts.judgedBySite.has(node)) return;
      // `var timeoutInMillis = timeout || 1000` where `timeoutInMillis` only delays the next step: no timeout either.
      const destination = judge.facts.destinations.get(node);
      if (destination !== undefined && !judge.facts.isTimeout(destination)) return;
      // `const timeout = msg.timeout || 5000` then a timer that stops the profiler after it: a window.
      if (judge.windowFallbacks.has(node)) return;
      // `Number(env.X_TIMEOUT) || 5000` falls back for the setting it converts.
      // `waitOptions?.timeout?.milliseconds ?? Duration.seconds(5).milliseconds`: a duration read back is its own name's.
      const name = referenceName(readBackSubject(converted(unwrap(node.left as EsNode))));
      if (!judge.facts.isTimeout(name)) return;
      judge.siteName = name;
      const right = unwrap(node.right as EsNode);
      const value = judge.constants.evaluate(right) ?? numericString(right);
      if (value !== undefined && value > 0 && value !== Number.POSITIVE_INFINITY) {
        if (right.type === "Literal" && typeof right.value === "string")
          // `parseFloat(n.timeout || "30") * 1000`: a fallback written as a string, parsed later.
          judge.add("hardcoded", right, judge.facts.text(right), `as the fallback of "${name}"`, false);
        else judge.report(right, `as the fallback of "${name}"`);
      } else if (value === 0 && judge.facts.passedFallbacks.has(node)) {
        // `Timeout.expires(opts.serverSelectionTimeoutMS ?? 0)`: unset means no limit for what it is passed to.
        judge.report(right, `as the fallback of "${name}"`);
      }
      return;
    }
    case "ConditionalExpression": {
      // `null == opts.timeout ? 20000 : opts.timeout`: the `??` of older code, a default timeout wherever it goes.
      const fallback = judge.classifier.nullFallback(node);
      if (fallback && !judge.facts.judgedBySite.has(node))
        judge.report(fallback.value, `as the fallback of "${fallback.name}"`);
      return;
    }
    case "ReturnStatement": {
      // `return params.timeout * 1000 + 10_000`: a function that works out a timeout pads the caller's.
      const returned = isNode(node.argument) ? unwrap(node.argument) : undefined;
      const pad =
        returned?.type === "BinaryExpression" && returned.operator === "+"
          ? judge.classifier.padOf(returned)
          : undefined;
      if (pad) {
        for (const item of judge.classifier.padded(pad, `added to ${pad.name}`))
          judge.add("hardcoded", item.node, item.literal, "in a returned timeout", false);
      }
      return;
    }
    case "JSXAttribute": {
      const name = (node.name as EsNode).name;
      const value = node.value as EsNode | null;
      if (typeof name === "string" && judge.facts.isTimeout(name) && value?.type === "JSXExpressionContainer") {
        judge.report(value.expression as EsNode, `in the "${name}" prop`);
      }
      return;
    }
    case "CallExpression":
    case "NewExpression":
      if (node.type === "CallExpression") {
        const cacheDelete = cacheDeleteFinding(node, judge.facts);
        if (cacheDelete) judge.addFinding(cacheDelete);
        // `_.get(opts.connection.timeout, 9999)`: like `opts.connection.timeout || 9999`, wherever it goes.
        const isTimeout = (name: string | undefined) => judge.facts.isTimeout(name);
        const evaluate = (v: EsNode) => judge.constants.evaluate(v);
        // `defaultIfUndefined(opts.checkerTimeoutMs, 20000)`: a helper of the file's whose body is a fallback.
        const fallback =
          utilityFallback(node, isTimeout, evaluate) ??
          judge.facts.fallbackHelpers.fallbackOf(node, isTimeout, evaluate);
        if (fallback) judge.report(fallback, `as the fallback of a timeout in ${calleePath(node.callee as EsNode)}()`);
      }
      // `new WrapperProperty("connectTimeout", "...", 10000)`, `new Map([[Props.CONNECT_TIMEOUT.name, 10000]])`.
      for (const setting of [declaredSetting(node), ...mapSettings(node)])
        if (setting && judge.facts.isTimeout(setting.name))
          judge.report(setting.value, `as the default of "${setting.name}"`);
      if (RETRY_CALLS.test(calleePath(node.callee as EsNode) ?? ""))
        for (const arg of node.arguments as EsNode[]) reportForever(judge, arg, `in the retry options`);
      judgeCall(judge, node);
      return;
  }
}

function isNegative(node: EsNode): boolean {
  const value = unwrap(node);
  return value.type === "UnaryExpression" && value.operator === "-";
}

/** In a test file, a signal the test then expects to abort (`signal-deadlines.ts`): the abort under test, not a bound. */
function scriptedSignal(judge: SiteJudge, signal: EsNode, site: EsNode): boolean {
  return (
    judge.facts.timers.testing() &&
    judge.facts.signalDeadlines.scripted(signal, judge.facts.source, () => enclosingFunctions(judge.facts, site))
  );
}
