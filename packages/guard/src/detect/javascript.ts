import { hardcodedMessage, unboundedMessage } from "../rules.ts";
import type { DetectorOptions, RawFinding } from "./types.ts";
import {
  calleePath,
  destinationOf,
  type EsNode,
  isNode,
  isPattern,
  memberName,
  propertyName,
  referenceName,
  span,
  unwrap,
} from "./javascript/ast.ts";
import { type CallJudge, judgeCall } from "./javascript/calls.ts";
import { Classifier } from "./javascript/classify.ts";
import { Constants } from "./javascript/constants.ts";
import { onlyAsserted } from "./javascript/expected-values.ts";
import { FileFacts } from "./javascript/facts.ts";
import { isResetValue } from "./javascript/not-durations.ts";
import { cacheDeleteFinding } from "./javascript/redis.ts";
import { foreverRetry, RETRY_CALLS, RETRY_OPTIONS, TEST_OPTIONS } from "./javascript/timers.ts";
import type { VisitorKeys } from "./javascript/walk.ts";
import { type Classified, kindOf, NO_LIMIT, numericString, SQL_TIMEOUT } from "./javascript/values.ts";
import { SCHEMA_DEFAULT_CALL, zeroMeaningOf } from "./javascript/zero.ts";

export type { EsNode } from "./javascript/ast.ts";

/**
 * The one JavaScript/TypeScript detector. It reads any ESTree program (oxc-parser's in the CLI,
 * ESLint's in the plugin), so both front ends report the same findings.
 *
 * Findings point at the literal: at the value where it is written in place, and at a constant's
 * initialiser when the timeout is a same-file `const` (one finding per constant, however often used).
 */
export function detectJavaScript(program: EsNode, source: string, options: JsDetectorOptions): RawFinding[] {
  return new JsDetector(options, source).run(program);
}

export interface JsDetectorOptions extends DetectorOptions {
  /** Child keys per node type (oxc-parser's or ESLint's `visitorKeys`); unknown types fall back to every key. */
  visitorKeys?: VisitorKeys;
}

/** The judgement of one file's sites, from the facts of its one walk (`FileFacts`). */
class JsDetector implements CallJudge {
  private readonly findings = new Map<string, RawFinding>();
  /** Initialisers of locals declared `const t = x.timeout || 5000` (the fallback is judged with its local). */
  private readonly windowFallbacks = new Set<EsNode>();
  /** Objects declared only to be compared (`const expected = { connectionTimeout: 0 }` used in assertions alone). */
  private readonly expectedRanges: [number, number][] = [];
  readonly facts: FileFacts;
  readonly apis: JsDetectorOptions["apis"];
  constants!: Constants;
  private classifier!: Classifier;
  /** The name the site being judged stores its value under (`idleTimeout` for `this.idleTimeout = 0`). */
  private siteName: string | undefined;
  /** The node type of the site being judged (a parameter default, a declarator, a property, ...). */
  private siteType: string | undefined;

  constructor(
    private readonly options: JsDetectorOptions,
    private readonly source: string,
  ) {
    this.facts = new FileFacts(source, options.extraTimeoutNames);
    this.apis = options.apis;
  }

  run(program: EsNode): RawFinding[] {
    // One walk collects every fact; constants must all be known before any site is judged, so
    // sites are judged after it, in document order.
    const facts = this.facts.collect(program, this.options.visitorKeys);
    for (const text of facts.sqlTexts) this.checkSqlTimeout(text);
    this.constants = new Constants(facts);
    this.classifier = new Classifier(facts, this.constants);
    // `const expected = { connectionTimeout: 0, ... }` used only as an assertion's argument: expected data;
    // `const conn = new C({ timeout: 10000 })` only checked (`expect(conn.timeout)`): nothing waits.
    for (const { uses, init } of facts.expected.values) if (onlyAsserted(uses)) this.expectedRanges.push(span(init));
    facts.noWait.finish((at) => this.functionAt(at));
    for (const site of facts.sites) if (!this.inAssertion(site)) this.visit(site);
    return [...this.findings.values()].sort((a, b) => a.start - b.start);
  }

  /** The innermost function around `at` (the whole file at the top level). */
  private functionAt(at: number): [number, number] {
    const spans = this.facts.functionSpans;
    let low = 0;
    let high = spans.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (spans[mid]![0] < at) low = mid + 1;
      else high = mid;
    }
    for (let i = low - 1; i >= 0; i--) if (at < spans[i]![1]) return spans[i]!;
    return [0, this.source.length];
  }

  /** A local whose function (callbacks included) passes it as a measurement window's delay (see `windowDelays`). */
  private isWindowDelay(name: string, node: EsNode): boolean {
    const timers = this.facts.windowDelays.get(name);
    if (!timers) return false;
    const [at] = span(node);
    const [from, to] = this.functionAt(at);
    return timers.some((timer) => timer > at && from <= timer && timer < to);
  }

  private inAssertion(node: EsNode): boolean {
    const [start] = span(node);
    if (this.expectedRanges.some(([from, to]) => from <= start && start < to)) return true;
    // The ranges are merged and in document order: the last one starting at or before `start` decides.
    const ranges = this.facts.assertionRanges;
    let low = 0;
    let high = ranges.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (ranges[mid]![0] <= start) low = mid + 1;
      else high = mid;
    }
    return low > 0 && start < ranges[low - 1]![1];
  }

  /**
   * `SET LOCAL lock_timeout = 30000;` in SQL the code sends: a server-side timeout written in a string
   * (PostgreSQL/MySQL settings; 0 there means "no limit").
   */
  private checkSqlTimeout(node: EsNode): void {
    const [start, end] = span(node);
    const text = this.source.slice(start, end);
    if (!/timeout/i.test(text)) return;
    for (const match of text.matchAll(SQL_TIMEOUT)) {
      const value = Number(match[2]);
      const at = start + match.index + match[0].length - match[2]!.length;
      const key = `${at}:${at + match[2]!.length}`;
      if (this.findings.has(key) || this.inAssertion(node)) continue;
      const literal = { type: "Literal", value, range: [at, at + match[2]!.length] } as EsNode;
      this.add(kindOf(value), literal, match[2]!, `in SQL (SET ${match[1]})`, false);
      // Inside a string: an editor suggestion that swaps in `config.TIMEOUT` would break the SQL.
      this.findings.get(key)!.replaceable = false;
    }
  }

  /**
   * Reports the hardcoded or unbounded values `value` holds. `zeroIsUnbounded` is what a 0 means to the API
   * the value is given to, when the caller knows it; otherwise the site decides (`zeroMeaningAt`).
   */
  report(value: EsNode, where: string, zeroIsUnbounded?: boolean, isTest = false): void {
    for (const item of this.classifier.classify(value)) {
      if (item.negative) continue; // `-1`: a sentinel ("unset"), not a duration
      if (item.kind === "unbounded" && this.switchesOff(item)) continue;
      let kind = item.kind;
      if (kind === "unbounded") {
        const zero = item.literal === "false" || this.constants.evaluate(item.node) === 0;
        const meaning = zeroIsUnbounded ?? (zero && !item.declared ? this.zeroMeaningAt(item.node) : true);
        // `stop({ timeout: 0 })` to a receiver nobody here knows: it decides what 0 means (Docker: kill at once).
        if (meaning === undefined) continue;
        if (!meaning) kind = "hardcoded";
      }
      this.add(kind, item.node, item.literal, where, isTest);
    }
  }

  /**
   * What a 0 written at `node` means. Passed to a call (in an options object or as a fallback): what the
   * receiver declares (`axios.create({ timeout: 0 })`: no limit), or, for a receiver nobody here knows, "no
   * limit" only if this file tests the name for being set before arming a timer with it; unknown otherwise.
   * Anywhere else (a default, a field, a defaults table) it is the code's own choice of "no limit", unless the file
   * arms a timer with the name without testing it first (then 0 fires at once).
   */
  private zeroMeaningAt(node: EsNode): boolean | undefined {
    const receiver = this.facts.zero.receiverAt(span(node)[0]);
    // `killTimeout: 0` then `setTimeout(kill, this.options.killTimeout)`, never tested: the timer fires at once;
    // so does a parameter or local that its function hands to a timer untested.
    if (this.facts.zero.firesAtOnce(this.siteName)) return undefined;
    const local = this.siteType === "AssignmentPattern" || this.siteType === "VariableDeclarator";
    if (local && this.facts.zero.firesAtOnceIn(this.siteName, this.functionAt(span(node)[0]))) return undefined;
    if (!receiver || SCHEMA_DEFAULT_CALL.test(receiver.callee ?? "")) return true;
    const meaning =
      zeroMeaningOf(this.apis, receiver.callee) ?? zeroMeaningOf(this.apis, this.facts.zero.canonical(receiver.callee));
    if (meaning !== undefined) return meaning;
    return this.facts.zero.disables(this.siteName) ? true : undefined;
  }

  /**
   * `idleTimeout: 0`, a 0 that only feeds `Math.max`, a test double's 0: no timer anyone waits on.
   * `if (t > MAXDELAY) t = MAXDELAY`: setTimeout's largest delay as a clamp, not "no limit".
   */
  private switchesOff(item: Classified): boolean {
    const off = item.literal === "0" || item.literal === "false";
    if (off && this.facts.noWait.offAt(this.siteName, span(item.node)[0])) return true;
    const constant = /^([\w$]+) = /.exec(item.literal)?.[1];
    if (constant === undefined || !this.facts.noWait.clamps.has(constant)) return false;
    return (this.constants.evaluate(item.node) ?? 0) >= NO_LIMIT;
  }

  add(kind: Classified["kind"], node: EsNode, literal: string, where: string, isTest: boolean): void {
    const [start, end] = span(node);
    // On a fake clock, given to a double, shown on screen: nothing waits (a test runner's own timeout still runs).
    if (!isTest && (this.facts.noWait.quiet(start) || this.facts.timers.inert(start))) return;
    const key = `${start}:${end}`;
    if (this.findings.has(key)) return;
    this.findings.set(key, {
      ruleId: kind === "hardcoded" ? "no-hardcoded-timeout" : "no-unbounded-timeout",
      start,
      end,
      message:
        kind === "hardcoded"
          ? hardcodedMessage(literal, where, "js", isTest)
          : unboundedMessage(literal, where, "js", isTest),
      replaceable: true,
    });
  }

  private visit(node: EsNode): void {
    if (this.facts.notDurations.has(node)) return;
    this.siteName = destinationOf(node)?.name;
    this.siteType = node.type;
    switch (node.type) {
      case "Property": {
        const name = propertyName(node);
        if (name !== undefined && RETRY_OPTIONS.test(name)) {
          this.reportForever(node.value as EsNode, `in "${name}"`);
          return;
        }
        // `http2: { sessionTimeout: 100 }`: an HTTP/2 session's idle timeout, a wait (a login session's is an expiry).
        if (!this.facts.isTimeout(name) && !(name !== undefined && this.facts.noWait.connectionSessions.has(node)))
          return;
        const value = node.value as EsNode;
        // `{ timeout = 5000 } = options` and `{ timeout: t = 5000 }`: a destructuring default.
        const isTest = TEST_OPTIONS.test(name);
        if (value.type === "AssignmentPattern") this.report(value.right as EsNode, `as the default of "${name}"`);
        else if (this.facts.timestampNames.has(name) && isResetValue(value)) return;
        else if (!isPattern(value)) this.report(value, `in "${name}"`, undefined, isTest);
        return;
      }
      case "PropertyDefinition":
      case "AccessorProperty": {
        // A class field initialised to 0 or a negative sentinel is reset state, not a duration.
        const name = propertyName(node);
        // `connectionTimeout: number = 0` then `if (this.connectionTimeout > 0) setTimeout(..., this.connectionTimeout)`:
        // the file shows 0 arms no timer, so the default is "no limit".
        const noTimer = isNode(node.value) && this.facts.zero.disables(name) && !this.isNegative(node.value);
        if (this.facts.isTimeout(name) && isNode(node.value) && (!isResetValue(node.value) || noTimer)) {
          this.report(node.value, `in "${name}"`);
        }
        return;
      }
      case "VariableDeclarator": {
        // `const timeout = 500`, `const timeoutMs = opts.timeoutMs ?? 1_000`: wherever the name is used.
        const id = node.id as EsNode;
        // `const deadline = Date.now() + 5000`: a literal added to the clock is a deadline's duration.
        const added =
          id.type === "Identifier" && isNode(node.init) ? this.classifier.clockOffset(node.init) : undefined;
        if (added && /deadline/i.test(id.name as string)) {
          this.report(added, `added to the clock for "${String(id.name)}"`);
          return;
        }
        if (id.type === "Identifier" && this.facts.isTimeout(id.name as string) && isNode(node.init)) {
          // `MINIMUM_EXECUTABLE_TIMEOUT_MILLIS = 5 * 1000`, only compared with the configured timeout: a bound.
          if (
            this.facts.bounds.onlyBounds(
              id.name as string,
              this.facts.bindingCounts.get(id.name as string),
              this.source,
            )
          )
            return;
          if (this.isWindowDelay(id.name as string, node)) {
            this.windowFallbacks.add(unwrap(node.init));
            return;
          }
          this.report(node.init, `assigned to "${String(id.name)}"`);
        }
        return;
      }
      case "AssignmentExpression": {
        const target = node.left as EsNode;
        // `timeoutInMs -= bufferInMs`: a margin taken off the timeout; `t *= 2`: a backoff step.
        if (!/^(=|\+=|\?\?=|\|\|=)$/.test(node.operator as string)) return;
        // `XHRFake.timeout = 2000`: a fake's simulated delay, not a deadline.
        if (target.type === "MemberExpression" && this.facts.noWait.isDouble(target.object as EsNode)) return;
        const name = target.type === "MemberExpression" ? memberName(target) : undefined;
        const added = this.classifier.clockOffset(node.right as EsNode);
        const targetName = referenceName(target);
        if (added && targetName !== undefined && /deadline/i.test(targetName)) {
          this.report(added, `added to the clock for "${targetName}"`);
          return;
        }
        if (target.type === "Identifier" && this.facts.isTimeout(target.name as string)) {
          // `timeout = timeout == null ? 10e3 : timeout`
          this.report(node.right as EsNode, `assigned to "${String(target.name)}"`);
        } else if (this.facts.isTimeout(name)) {
          // `this._uploadTimeout = 0` resets the object's own state; `server.requestTimeout = 0` configures a server.
          // `conn.resurrectTimeout = 0` where the file also sets it to `Date.now() + t`: a point in time, reset.
          const own = unwrap(target.object as EsNode).type === "ThisExpression" || this.facts.timestampNames.has(name);
          // In a constructor, a field set to 0 that the file tests before arming a timer is its "no limit" default.
          const noTimer = this.facts.zero.disables(name) && this.facts.zero.inConstructor(span(node)[0]);
          const reset = isResetValue(node.right as EsNode) && !noTimer;
          if (!(own && reset)) this.report(node.right as EsNode, `assigned to "${name}"`);
        }
        return;
      }
      case "AssignmentPattern": {
        const left = node.left as EsNode;
        if (left.type === "Identifier" && this.facts.isTimeout(left.name as string)) {
          this.report(node.right as EsNode, `as the default of "${String(left.name)}"`);
        }
        return;
      }
      case "LogicalExpression": {
        // `this.options.timeout || 20000`, `opts.timeoutMs ?? 5000`: the fallback of a timeout is a
        // default timeout wherever the expression goes (a timer helper, a field, an argument). Only
        // durations: a 0 fallback often switches a feature off, and the sites above judge those.
        if (node.operator === "&&" || this.facts.judgedBySite.has(node)) return;
        // `const timeout = msg.timeout || 5000` then a timer that stops the profiler after it: a window.
        if (this.windowFallbacks.has(node)) return;
        const left = unwrap(node.left as EsNode);
        const name = referenceName(left);
        if (!this.facts.isTimeout(name)) return;
        this.siteName = name;
        const right = unwrap(node.right as EsNode);
        const value = this.constants.evaluate(right) ?? numericString(right);
        if (value !== undefined && value > 0 && value !== Number.POSITIVE_INFINITY) {
          if (right.type === "Literal" && typeof right.value === "string")
            // `parseFloat(n.timeout || "30") * 1000`: a fallback written as a string, parsed later.
            this.add("hardcoded", right, this.text(right), `as the fallback of "${name}"`, false);
          else this.report(right, `as the fallback of "${name}"`);
        } else if (value === 0 && this.facts.passedFallbacks.has(node)) {
          // `Timeout.expires(opts.serverSelectionTimeoutMS ?? 0)`: unset means no limit for what it is passed to.
          this.report(right, `as the fallback of "${name}"`);
        }
        return;
      }
      case "ConditionalExpression": {
        // `null == opts.timeout ? 20000 : opts.timeout`: the `??` of older code, a default timeout wherever it goes.
        const fallback = this.classifier.nullFallback(node);
        if (fallback && !this.facts.judgedBySite.has(node))
          this.report(fallback.value, `as the fallback of "${fallback.name}"`);
        return;
      }
      case "ReturnStatement": {
        // `return params.timeout * 1000 + 10_000`: a function that works out a timeout pads the caller's.
        const returned = isNode(node.argument) ? unwrap(node.argument) : undefined;
        const pad =
          returned?.type === "BinaryExpression" && returned.operator === "+"
            ? this.classifier.padOf(returned)
            : undefined;
        if (pad)
          this.add(
            "hardcoded",
            pad.node,
            `${this.text(pad.node)} (added to ${pad.name})`,
            "in a returned timeout",
            false,
          );
        return;
      }
      case "JSXAttribute": {
        const name = (node.name as EsNode).name;
        const value = node.value as EsNode | null;
        if (typeof name === "string" && this.facts.isTimeout(name) && value?.type === "JSXExpressionContainer") {
          this.report(value.expression as EsNode, `in the "${name}" prop`);
        }
        return;
      }
      case "CallExpression":
      case "NewExpression":
        if (node.type === "CallExpression") {
          const cacheDelete = cacheDeleteFinding(node, this.facts);
          if (cacheDelete) this.findings.set(`${cacheDelete.start}:${cacheDelete.end}`, cacheDelete);
        }
        if (RETRY_CALLS.test(calleePath(node.callee as EsNode) ?? ""))
          for (const arg of node.arguments as EsNode[]) this.reportForever(arg, `in the retry options`);
        judgeCall(this, node);
        return;
    }
  }

  /** `retries: { forever: true }`: retried with no bound, so whoever waits for it waits forever. */
  private reportForever(options: EsNode, where: string): void {
    const forever = foreverRetry(options);
    if (forever) this.add("unbounded", forever, "forever: true", `${where} (retried with no bound)`, false);
  }

  private isNegative(node: EsNode): boolean {
    const value = unwrap(node);
    return value.type === "UnaryExpression" && value.operator === "-";
  }

  private text(node: EsNode): string {
    const [start, end] = span(node);
    return this.source.slice(start, end);
  }
}
