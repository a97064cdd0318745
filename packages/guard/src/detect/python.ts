import type { Node as TsNode } from "web-tree-sitter";
import { hardcodedMessage, unboundedMessage } from "../messages.ts";
import { AlarmBudgets } from "./python/alarms.ts";
import { judgeApiCall } from "./python/calls.ts";
import { judgeKeywordArgument, judgePositionalTimeouts } from "./python/timeout-arguments.ts";
import { judgeAssignment, judgeDefault, type PyBindingJudge } from "./python/bound-values.ts";
import { classify } from "./python/classify.ts";
import {
  expectedToFail,
  inAssertion,
  inUnreadDefault,
  isCacheLifetime,
  onMockClock,
  underNoneCheck,
} from "./python/context.ts";
import { isCounter } from "./python/counters.ts";
import { afterOpeningRaise } from "./python/never-runs.ts";
import { inTimeoutKeywordFallback } from "./python/keyword-fallbacks.ts";
import { PyFacts } from "./python/facts.ts";
import { dataOnlyForDoubles } from "./python/double-data.ts";
import { assignedOnlyToDoubles } from "./python/handed-to-doubles.ts";
import { onlyExpected } from "./python/inspected.ts";
import { isCacheEntryLifetime, storedForNoWait } from "./python/lifetimes.ts";
import { constantString, declaredDefault, isLookup, keyName, lookupFallback } from "./python/lookups.ts";
import { missingTimeoutFinding } from "./python/http.ts";
import { handedMissingTimeout } from "./python/handed-callables.ts";
import { cacheDeleteFinding } from "./python/redis.ts";
import { scheduledDeadline } from "./python/schedules.ts";
import { socketDefaultFinding } from "./python/socket-default.ts";
import { onlyRendered, referenceName, stringContent, unwrap } from "./python/syntax.ts";
import { storedUnread } from "./python/unread-settings.ts";
import { type Classified, respelledNoLimit, type ZeroMeans } from "./python/values.ts";
import type { DetectorOptions, RawFinding } from "./types.ts";

export { mayHoldFallback, scanPython } from "./python/scan.ts";

// Finds hardcoded and unbounded timeouts in a Python syntax tree (the nodes of `scanPython`). Same rules
// and report locations as the JavaScript detector: findings point at the literal.
export function detectPython(nodes: readonly TsNode[], options: DetectorOptions, source = ""): RawFinding[] {
  return new PyDetector(options, source).run(nodes);
}

// The judgement of one file's sites, from the facts of one pass over its nodes (`PyFacts`).
class PyDetector implements PyBindingJudge {
  private readonly findings = new Map<string, RawFinding>();
  readonly facts: PyFacts;
  readonly alarms: AlarmBudgets;

  constructor(options: DetectorOptions, source: string) {
    this.facts = new PyFacts(options, source);
    this.alarms = new AlarmBudgets(this.facts);
  }

  run(nodes: readonly TsNode[]): RawFinding[] {
    this.facts.collect(nodes);
    for (const node of nodes) this.visit(node);
    const root = nodes[0]?.tree.rootNode;
    return [...this.findings.values()]
      .filter((finding) => !root || !afterOpeningRaise(root, finding.start))
      .sort((a, b) => a.start - b.start);
  }

  report(
    value: TsNode,
    where: string,
    noneIsUnbounded: boolean,
    zero: ZeroMeans = "poll",
    isTest = false,
    negativeIsUnbounded = false,
  ): void {
    if (inAssertion(value) || expectedToFail(value) || onMockClock(value) || inUnreadDefault(value)) return;
    // `getObject = {..., 'clientTimeout': 30}` in `SoftLayer/fixtures/`: canned data a fake serves to tests.
    if (this.facts.inFixtureData(value)) return;
    // `expected = {"timeout": 60, ...}` then `self.assertEqual(expected, result)`: a test's expected value.
    if (onlyExpected(value)) return;
    // A unit test that patches collaborators with mocks and checks their call records: test data (`handedToMocks`).
    if (this.facts.doubles.handedToMocks(value)) return;
    // `clock = Clock()` ... `clock.advance(timeout - 1)`: the test moves a fake clock by hand, its durations are virtual.
    if (this.facts.doubles.advancesFakeClock(value)) return;
    // `if delay is None: return async_timeout.timeout(None)`, `assert timeout.time_left() is None` then
    // `select(..., None)`: the None is the caller's (its configuration), passed on.
    if (
      noneIsUnbounded &&
      unwrap(value).type === "none" &&
      underNoneCheck(value, undefined, (n) => this.facts.isImported(n))
    )
      noneIsUnbounded = false;
    const items: Classified[] = negativeIsUnbounded
      ? [{ kind: "unbounded", node: value, literal: value.text }]
      : classify(this.facts, value, noneIsUnbounded, zero);
    // `HTTPX_DEFAULT_TIMEOUT = Timeout(5.0)` used only in `client.timeout != HTTPX_DEFAULT_TIMEOUT`: it bounds nothing.
    if (items.length > 0 && this.facts.restatedForComparison(value)) return;
    for (const item of items) {
      const key = `${item.node.startIndex}:${item.node.endIndex}`;
      if (this.findings.has(key)) continue;
      // `timeout=fake_timeout_s` where `fake_timeout_s = 10` reaches only doubles and a mock's call record: test data.
      if (item.node.id !== value.id && assignedOnlyToDoubles(this.facts, item.node)) continue;
      this.findings.set(key, {
        ruleId: item.kind === "hardcoded" ? "no-hardcoded-timeout" : "no-unbounded-timeout",
        start: item.node.startIndex,
        end: item.node.endIndex,
        message:
          item.kind === "hardcoded"
            ? hardcodedMessage(item.literal, where, "python", isTest)
            : unboundedMessage(item.literal, where, "python", isTest),
      });
    }
  }

  // A finding about a whole call (a local delete, a missing `timeout=`): the last one for a call wins.
  private set(finding: RawFinding | undefined): void {
    if (finding) this.findings.set(`${finding.start}:${finding.end}`, finding);
  }

  private visit(node: TsNode): void {
    const facts = this.facts;
    switch (node.type) {
      case "keyword_argument":
        judgeKeywordArgument(this, node);
        return;
      case "pair": {
        const key = node.childForFieldName("key");
        const name = key?.type === "string" ? stringContent(key) : undefined;
        const value = node.childForFieldName("value");
        if (!facts.isTimeout(name) || !value || (node.parent && facts.isCodeTable(node.parent))) return;
        // `{"set_busy_timeout": 1, "create_collation": 2}`: a key naming a setter is a method's name (here with its
        // argument count), not a setting.
        if (/^(set|get)_/.test(name)) return;
        if (isCacheLifetime(node)) return;
        // `http_options={"timeout": 10000}` then `assert options["timeout"] == 10000`: a configuration check.
        if (facts.doubles.assertedLater(value, name)) return;
        // `engine_resp = [{..., "timeout": 3600}]` then `mock_call.return_value = engine_resp`: a double's data.
        if (dataOnlyForDoubles(facts, value)) return;
        this.report(value, `in "${name}"`, false);
        return;
      }
      case "default_parameter":
      case "typed_default_parameter":
        judgeDefault(this, node);
        return;
      case "assignment":
        judgeAssignment(this, node);
        return;
      case "augmented_assignment": {
        // `self.timeout += 1` before a retry: each attempt waits a literal second longer (the pad rule). A count of
        // timeouts (`self.timeouts += 1`) is not a timeout's name, nor is a name that starts at 0 and only counts up
        // (`nb_timeout = 0` ... `nb_timeout += 1`: `counters.ts`).
        const left = node.childForFieldName("left");
        const right = node.childForFieldName("right");
        if (node.childForFieldName("operator")?.text !== "+=" || !right || !facts.isTimeout(referenceName(left)))
          return;
        if ((facts.evaluate(right) ?? 0) > 0 && !isCounter(facts, left!))
          this.report(right, `added to ${left!.text}`, false);
        return;
      }
      case "call": {
        const callee = node.childForFieldName("function");
        if (!callee || (callee.type !== "identifier" && callee.type !== "attribute")) return;
        this.set(cacheDeleteFinding(facts, node, callee));
        const args = node.childForFieldName("arguments");
        if (!args) return;
        const written = callee.text.replace(/\s+/g, "");
        const path = facts.resolve(written);
        judgeApiCall(this, node, args, path, written);
        judgePositionalTimeouts(this, node, args, written);
        // `GLib.timeout_add_seconds(10, timeout_cb)` whose callback exits: the delay is a deadline (`schedules.ts`).
        const scheduled = scheduledDeadline(args, written.slice(written.lastIndexOf(".") + 1), (n) =>
          facts.evaluate(n),
        );
        if (scheduled) this.report(scheduled, `as the delay of ${written}(), whose callback exits (a deadline)`, false);
        // `kwargs.pop("timeout", 30)`, `getattr(o, "timeout", 30)`, `params.get("DATABASE_TIMEOUT", 0.01)`: the
        // fallback under a timeout's key is the default timeout of whatever reads the result.
        if (isLookup(written) && facts.mayNameTimeout(args)) {
          const lookup = lookupFallback(args);
          const key = keyName(lookup?.key);
          if (
            lookup &&
            facts.isTimeout(key) &&
            !isCacheEntryLifetime(node, key) &&
            !this.alarms.isBudgetValue(node) &&
            !storedUnread(facts, node) &&
            !storedForNoWait(facts, node)
          )
            this.report(node, `as the default of "${key}"`, false);
        } else if (facts.mayNameTimeout(args)) {
          // `cfg.IntOpt("client_socket_timeout", default=900)`: a setting declared under a timeout's key.
          const declared = declaredDefault(
            args,
            (n) => facts.isTimeout(n),
            (name) => constantString(facts, name),
          );
          if (declared && !isCacheEntryLifetime(node, declared.key) && !this.alarms.isBudgetValue(node))
            this.report(declared.fallback, `as the default of "${declared.key}"`, false);
        }
        // `except TypeError: conn = HTTPConnection(host)` after `connClass(host, timeout=timeout)`: a fallback for a
        // signature without the keyword (`keyword-fallbacks.ts`).
        if (inTimeoutKeywordFallback(node)) return;
        this.set(
          missingTimeoutFinding(facts, node, callee, args, path, written) ??
            handedMissingTimeout(facts, node, callee, args) ??
            socketDefaultFinding(facts, node, args, path),
        );
        return;
      }
      case "boolean_operator": {
        // `self.timeout or 20`: the fallback of a timeout is a default timeout wherever it goes.
        // Durations only: a 0 or None fallback means "poll" or "unset" here, judged at the sites above, and "no limit"
        // (`float("inf")`) is not one; a day or more (`self.timeout or one_week`) re-spells the caller's unset value
        // as "no limit" (`respelledNoLimit`, as `classify` judges it).
        if (node.childForFieldName("operator")?.text !== "or") return;
        const left = unwrap(node.childForFieldName("left")!);
        const name = referenceName(left);
        const right = node.childForFieldName("right");
        if (!facts.isTimeout(name) || !right || onlyRendered(node)) return;
        const value = facts.evaluate(right);
        const fallback = classify(facts, right, false, "poll");
        if (fallback.some((item) => item.kind === "unbounded") || respelledNoLimit(facts, node, fallback)) return;
        if (value !== undefined && value > 0 && !storedUnread(facts, node))
          this.report(right, `as the fallback of ${left.text}`, false);
        return;
      }
    }
  }
}
