// A call's facts: which facts a call (`f(...)`) and a construction (`new C(...)`) feed, in the walk's order.
import { calleePath, type EsNode, FUNCTION_TYPES, unwrap } from "./ast.ts";
import { FIELD_HELPERS } from "./nullish-defaults.ts";
import { durationParts } from "./age-cutoffs.ts";
import { collectCallFacts } from "./call-facts.ts";
import { callProps } from "./foreign-components.ts";
import type { FileFacts } from "./facts.ts";
import { idleCallbackOptions } from "./idle-callbacks.ts";
import { ignoredOptions } from "./ignored-arguments.ts";
import { errorPayloads, messageParts, messageTexts } from "./message-text.ts";
import { sentPayloads } from "./response-payloads.ts";
import { sphinxIndexEntries } from "./term-index.ts";
import { collectRefusedPromise, collectTestCall } from "./test-facts.ts";

/** A `CallExpression`'s facts; the steps run in this order (a later step may read an earlier one's). */
export function collectCall(facts: FileFacts, node: EsNode): void {
  facts.sites.push(node);
  if (facts.suiteThis.setsSuiteLate(node)) facts.notDurations.add(node);
  facts.webpack.call(node);
  collectTestCall(facts, node);
  collectRefusedPromise(facts, node);
  facts.testContexts.call(node, (path) => facts.modules.canonical(path));
  collectCallFacts(facts, node);
  for (const entry of sphinxIndexEntries(node)) facts.notDurations.add(entry);
  facts.noWait.call(node);
  facts.handProps(callProps(node, facts.modules));
  for (const range of messageParts(node)) facts.noWait.quietIn(range);
  facts.messageTexts.push(...messageTexts(node));
  const canonical = facts.modules.canonical(calleePath(node.callee as EsNode));
  for (const range of facts.ignoredArguments.call(node, canonical, facts.bindingCounts)) facts.noWait.quietIn(range);
  for (const range of ignoredOptions(node)) facts.noWait.quietIn(range);
  for (const range of idleCallbackOptions(node)) facts.noWait.quietIn(range);
  for (const range of sentPayloads(node)) facts.noWait.quietIn(range);
  facts.cdkTests.call(node);
  facts.mockedTransport.call(node, (n) => facts.text(n));
  facts.receivers.call(node);
  facts.zero.call(node);
  facts.held.call(node);
  facts.timers.call(node);
  collectFieldFunction(facts, node);
  facts.serverIdle.call(node);
  facts.deadlines.call(node);
  facts.emittedRejections.call(node);
  facts.bounds.logged(node);
  facts.bounds.ordered(node);
  facts.deadlineHelpers.call(node);
  facts.noLimit.call(node);
  facts.merges.call(node);
  facts.signalDeadlines.call(node);
  facts.mockClocks.call(node);
  facts.syncTests.call(node);
  facts.callRecords.call(node);
}

/** A `NewExpression`'s facts: a call's that a construction can hold (no test call, no logged bound). */
export function collectNew(facts: FileFacts, node: EsNode): void {
  facts.sites.push(node);
  collectCallFacts(facts, node);
  facts.noWait.call(node);
  for (const range of [...messageParts(node), ...errorPayloads(node)]) facts.noWait.quietIn(range);
  facts.messageTexts.push(...messageTexts(node));
  facts.receivers.call(node);
  facts.zero.call(node);
  facts.held.call(node);
  facts.timers.call(node);
  facts.deadlines.call(node);
  facts.emittedRejections.call(node);
  facts.noLimit.call(node);
  facts.syncTests.call(node);
  facts.cdkTests.construction(node);
  facts.mockedTransport.call(node, (n) => facts.text(n));
  for (const duration of facts.cutoffs.newDate(node)) {
    const { names, written } = durationParts(duration);
    for (const name of names) facts.timers.expiry(name);
    for (const part of written) facts.notDurations.add(part);
  }
}

/**
 * `_defineProperty(this, "_checkInternetReachability", () => { ... })`: a class field holding a function, as Babel
 * compiles it (@react-native-community/netinfo, fresh399). It is defined under its name like a method, so a timer
 * calling it back (`setTimeout(this._checkInternetReachability, interval)`) is seen to arm itself again.
 */
function collectFieldFunction(facts: FileFacts, node: EsNode): void {
  const [target, key, value] = node.arguments as (EsNode | undefined)[];
  if (!target || !key || !value || unwrap(target).type !== "ThisExpression") return;
  if (!FIELD_HELPERS.test(calleePath(node.callee as EsNode) ?? "")) return;
  const name = unwrap(key);
  if (name.type !== "Literal" || typeof name.value !== "string" || !FUNCTION_TYPES.has(unwrap(value).type)) return;
  // Only a field some timer of the file calls back (restapify's `_defineProperty(this, "openDashboard", ...)`, which
  // no timer calls, is left as it was: its own timer's delay is judged as before).
  if (facts.source.includes(`(this.${name.value},`)) facts.timers.definition(name.value, unwrap(value));
}
