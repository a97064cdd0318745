// What a "no limit" value (0, `false`, Infinity) means where it is written, and whether the file shows the code's
// own "no limit" reaching a wait. A receiver the guard knows decides for what it is given; the code's own choice
// (a default, a field, a defaults table) is reported only with evidence (`no-limit.ts`).
import type { TimeoutApi } from "../../apis.ts";
import { isExpiryName } from "../../name-kinds.ts";
import { type EsNode, span, unwrap } from "./ast.ts";
import type { FileFacts } from "./facts.ts";
import { karmaNoLimit, mochaNoLimit } from "./karma-configs.ts";
import { SCHEMA_DEFAULT_CALL } from "./receivers.ts";
import { zeroMeaningOf } from "./zero-meaning.ts";

/**
 * What a "no limit" value means where it is written: "no limit" to a known receiver (true), a 0 ms timeout
 * (false), the code's own choice of "no limit" that needs the file to show it reaching a wait (`OWN`), or the
 * receiver's business (undefined).
 */
export const OWN = "own";
export type NoLimitMeaning = boolean | typeof OWN | undefined;

/** The site being judged, as the detector knows it. */
export interface MeaningSite {
  readonly facts: FileFacts;
  readonly apis: readonly TimeoutApi[];
  /** The name the site stores its value under (`idleTimeout` for `this.idleTimeout = 0`). */
  readonly siteName: string | undefined;
  /** The site's node type (a parameter default, a declarator, a property, ...). */
  readonly siteType: string | undefined;
  readonly site: EsNode | undefined;
  /** The innermost function around `at`. */
  functionAt(at: number): [number, number];
  /** Another file of the package shows the site's name (or the name its value is stored under) reaching a wait. */
  reachesWaitElsewhere(zero: boolean): boolean;
}

/**
 * What a 0 written at `node` means. Passed to a call (in an options object or as a fallback): what the
 * receiver declares (`axios.create({ timeout: 0 })`: no limit), or, for a receiver nobody here knows, "no
 * limit" only if this file tests the name for being set before arming a timer with it, or another file of the package
 * does (aedes' tests' `Aedes.createBroker({ drainTimeout: 0 })`, its client arming `drainTimeout` only when > 0),
 * or its comment at the value says so; unknown otherwise.
 * Anywhere else (a default, a field, a defaults table) it is the code's own choice of "no limit" (`OWN`), unless the
 * file arms a timer with the name without testing it first (then 0 fires at once).
 */
export function zeroMeaningAt(judge: MeaningSite, node: EsNode): NoLimitMeaning {
  const { facts, siteName, site } = judge;
  const receiver = facts.receivers.receiverAt(span(node)[0]);
  // `{ timeout: 0, maxContentLength: Infinity }` handed to the package's own request method: axios' config, its 0. Also
  // axios' own defaults copied into a bundle (`timeout: 0, xsrfCookieName: 'XSRF-TOKEN', ...`), whatever the bundle's
  // other timers do with their own `timeout` (an untested `setTimeout(fn, opts.timeout)` elsewhere is another object).
  const axios = site !== undefined && facts.axiosConfigTimeouts.has(site);
  if (axios) return true;
  // `killTimeout: 0` then `setTimeout(kill, this.options.killTimeout)`, never tested: the timer fires at once;
  // so does a parameter or local that its function hands to a timer untested.
  if (facts.zero.firesAtOnce(siteName)) return undefined;
  const local = judge.siteType === "AssignmentPattern" || judge.siteType === "VariableDeclarator";
  if (local && facts.zero.firesAtOnceIn(siteName, judge.functionAt(span(node)[0]))) return undefined;
  // A timer's handle or a flag; a field's placeholder that a method overwrites with its input before use.
  if (facts.held.notADuration(site) || facts.held.placeholder(site)) return undefined;
  if (facts.held.falseSlot(site, node, (name) => facts.zero.isTested(name))) return undefined;
  // `const timeout = flag ? 0 : t; this.changeVisibilityTimeout(message, timeout)`: an expiry's 0 (visible at once).
  const setter = local ? facts.receivers.passedTo(siteName) : undefined;
  if (isExpiryName(setter?.slice(setter.lastIndexOf(".") + 1))) return undefined;
  // A fixture's `{ timeout: 0 }` in Playwright's `test.extend({ ... })`, a call named like a merge the guard knows.
  if (!receiver && knownMeaning(judge, facts.receivers.mergeAt(span(node)[0])) === true) return true;
  // `module.exports = function (config) { config.set({ browserNoActivityTimeout: 0 }) }`: karma's timer left unarmed.
  if (karmaNoLimit(facts.source, siteName, receiver?.callee ?? facts.receivers.heldBy(span(node)[0]))) return true;
  // `client: { mocha: { timeout: 0 } }`, `mochaOpts: { timeout: 0 }`: mocha's options, its 0 switches test timeouts off.
  if (mochaNoLimit(facts.source, siteName, span(node)[0])) return true;
  if (!receiver || SCHEMA_DEFAULT_CALL.test(receiver.callee ?? "")) return OWN;
  if (facts.receivers.isOwnReceiver(receiver.callee)) return OWN;
  const meaning = knownMeaning(judge, receiver.callee);
  if (meaning !== undefined) return meaning;
  // The code's own comment at the value: `// Timeouts disabled` above `new WritePolicy({ socketTimeout: 0 })`.
  const [at] = span(node);
  return facts.zero.disables(siteName) || judge.reachesWaitElsewhere(true) || facts.noLimit.documentedAt(at)
    ? true
    : undefined;
}

/** `axios.create({ timeout: Infinity })`: "no limit" to a known receiver; anywhere else the code's own choice. */
export function infiniteMeaningAt(judge: MeaningSite, node: EsNode): NoLimitMeaning {
  const callee = judge.facts.receivers.receiverAt(span(node)[0])?.callee;
  return knownMeaning(judge, callee) === true ? true : OWN;
}

/**
 * Whether the file shows the code's own "no limit" at `node` reaching a wait (`wait-flow.ts`: timers armed only
 * when it is set, APIs whose 0 is "no limit", its documentation), under the site's name or the name the value is
 * stored under, or hands it to a known API: an option set on an object that API built (`const server =
 * http.createServer(); server.requestTimeout = 0`), an object held in a local and passed to it whole.
 */
export function reachesWait(judge: MeaningSite, node: EsNode, infinite: boolean): boolean {
  const [at] = span(node);
  const { facts, apis, site } = judge;
  const { noLimit, receivers } = facts;
  const flow = facts.waitFlow(apis);
  if (flow.reachesWait(judge.siteName, at, infinite)) return true;
  // `this.timer = Number(n.timeout || 0) * 1000` then `if (node.timer > 0) setTimeout(..., node.timer)`.
  const stored = noLimit.destinationOf(site);
  if (stored !== undefined && flow.reachesWait(stored, at, infinite)) return true;
  // `this.timeout = options.timeout || 0`, later `axios.request({ ..., timeout })`: a setting the object keeps, handed
  // to axios. Asked only of a field assigned so: the evidence is by name, and a defaults table's or a parameter's
  // `timeout: 0` handed to a receiver nobody here knows (or a polling function's own default) shares the word.
  const field = site?.type === "AssignmentExpression" && unwrap(site.left as EsNode).type === "MemberExpression";
  if (field && (flow.handedToOptions(judge.siteName) || flow.handedToOptions(stored))) return true;
  const built = site?.type === "AssignmentExpression" ? noLimit.builtBy(site.left as EsNode) : undefined;
  if (knownMeaning(judge, built) === true) return true;
  return knownMeaning(judge, receivers.heldBy(at)) === true;
}

/** `(https|http).request`: a method of one of two objects the code chooses between (`receivers.ts`). */
const CHOICE = /^\(([\w$]+)\|([\w$]+)\)\.([\w$]+)$/;

/**
 * What a 0 means to `callee` as written or as its module names it (`Pool` imported from undici); to a choice of two
 * (`(secure ? https : http).request`), what it means to both, when they agree.
 */
function knownMeaning(judge: MeaningSite, callee: string | undefined): boolean | undefined {
  const choice = callee === undefined ? null : CHOICE.exec(callee);
  if (choice) {
    const first = knownMeaning(judge, `${choice[1]}.${choice[3]}`);
    return first === knownMeaning(judge, `${choice[2]}.${choice[3]}`) ? first : undefined;
  }
  return zeroMeaningOf(judge.apis, callee) ?? zeroMeaningOf(judge.apis, judge.facts.modules.canonical(callee));
}
