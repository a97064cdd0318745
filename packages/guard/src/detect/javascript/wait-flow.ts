// Whether a "no limit" the code chooses reaches a wait, asked of what the walk collected (`no-limit.ts`): a timer armed
// only when the name is set, an API whose 0 is "no limit" (or a timeout object built from the value), a same-file
// function whose parameter does either, what a waiting name is read from, an `Infinity` the code tests for.
import { matchApi, type TimeoutApi } from "../../apis.ts";
import type { ModuleBindings } from "./modules.ts";
import type { NoLimitEvidence } from "./no-limit.ts";
import { infiniteOptionWaits } from "./option-waits.ts";
import { TIMER_CALLS } from "./timers.ts";
import { zeroMeaningOf } from "./zero-meaning.ts";
import type { ZeroFacts } from "./zero.ts";

/**
 * An XMLHttpRequest's constructor: the browser's global (`window.XMLHttpRequest`) or a Node package implementing it
 * (`xhr2`, `xmlhttprequest`, `xmlhttprequest-ssl`, `w3c-xmlhttprequest`, as a module or its named export).
 */
const XHR_BUILDERS =
  /^(((window|self|globalThis)\.)?XMLHttpRequest|(xhr2|xmlhttprequest(-ssl)?|w3c-xmlhttprequest)(\.XMLHttpRequest)?)$/;

function isXhr(callee: string | undefined): boolean {
  return callee !== undefined && XHR_BUILDERS.test(callee);
}

/** Names whose 0 or `false` (`zero`) or `Infinity` (`infinite`) a file shows reaching a wait. */
export interface NamesReachingWait {
  readonly zero: ReadonlySet<string>;
  readonly infinite: ReadonlySet<string>;
}

/** One file's evidence, asked with what the detector knows: timers armed when set, known APIs, module bindings. */
export class WaitFlow {
  /** Answers by name (`waitsOn`) and by `infinite` and name (`flowsToWait`): a file asks them of each default. */
  private readonly waits = new Map<string, boolean>();
  private readonly flows = new Map<string, boolean>();
  /** Names whose `Infinity` the file hands to a wait under a timeout key of a call's options (`option-waits.ts`). */
  private optionWaitNames: Set<string> | undefined;

  constructor(
    private readonly evidence: NoLimitEvidence,
    private readonly zero: ZeroFacts,
    private readonly apis: readonly TimeoutApi[],
    private readonly modules: ModuleBindings,
  ) {}

  /**
   * Whether the file shows a "no limit" stored under `name` reaching a wait. `infinite` for `Infinity` (and the
   * largest delays), `at` is the value's offset (its own comment and the one above it count as documentation).
   */
  reachesWait(name: string | undefined, at: number, infinite: boolean): boolean {
    if (this.evidence.documented(name, at)) return true;
    return name !== undefined && this.flowsToWait(name, infinite);
  }

  /**
   * The names whose "no limit" this file shows reaching a wait by its code (not by its comments): what it tells the
   * other files of its package (`package-facts.ts`), where a default is often written far from the code that reads it.
   */
  namesReachingWait(): NamesReachingWait {
    const { calls, setOnBuilt, readsAt, finiteTests } = this.evidence;
    // One pass over the calls, as `waitsOn` asks of each name: a large file has thousands of names and calls.
    const always = new Set<string>();
    const whenTested = new Set<string>();
    for (const call of calls) {
      for (const names of call.args) for (const name of names) if (this.zero.disables(name)) always.add(name);
      if (this.buildsTimeout(call.callee))
        for (const name of call.args[0] ?? []) if (!this.forceCloses(call.callee, name)) always.add(name);
      const api = this.apiOf(call.callee);
      if (!api || api.argument === "options") continue;
      for (const names of argumentsOf(api, call.args))
        for (const name of names)
          if (!this.forceCloses(call.callee, name)) (api.zeroIsUnbounded !== false ? always : whenTested).add(name);
    }
    const waits = (name: string) => always.has(name) || (whenTested.has(name) && this.zero.isTested(name));
    const zeroes = new Set([...always, ...[...whenTested].filter(waits)]);
    // `set_timeout("read", config.read_timeout)`: what a same-file function hands on to a wait.
    for (const call of calls) {
      const params = this.evidence.sameFileParams(call.callee);
      if (params === undefined) continue;
      for (const [position, names] of call.args.entries()) {
        const param = params[position];
        if (param !== undefined && waits(param)) for (const name of names) if (name !== param) zeroes.add(name);
      }
    }
    // `server.requestTimeout = options.requestTimeout` on what `http.createServer()` built: a 0 there is no limit.
    // `request.timeout = self.timeout` on what `new XMLHttpRequest()` built: an XHR's timeout 0 is no limit.
    for (const { callee, key, names } of setOnBuilt)
      if (this.waitsWhenSetOn(callee, key)) for (const name of names) zeroes.add(name);
    // `readTimeout = config.query_timeout || ...; if (readTimeout) setTimeout(..., readTimeout)`: what a waiting name
    // is read from waits too (two steps: `this._t = opts.t || 0`, then a local from `this._t`).
    // Not where the function that stores it arms it only as a force-close of a socket it ends (`closing-timers.ts`).
    for (let step = 0; step < 2; step++)
      for (const { stored, reads, at } of readsAt)
        if (zeroes.has(stored) && !this.zero.closing.onlyIn(stored, at)) for (const read of reads) zeroes.add(read);
    return { zero: zeroes, infinite: new Set([...zeroes, ...finiteTests, ...this.optionWaits()]) };
  }

  /**
   * Whether a call hands its argument at `position` (of `count`) to a wait: a timer's delay (`setTimeout(fn, t)`), an
   * API whose timeout it is, or a same-file function whose parameter there reaches a wait (`this.acquire(timeout)`)
   * or a timer's delay (`sleep(timeout)` where `function sleep(ms) { return new Promise((r) => setTimeout(r, ms)) }`).
   */
  handsToWait(callee: string, position: number, count: number): boolean {
    if (TIMER_CALLS.test(callee)) return position === 1;
    if (this.buildsTimeout(callee) && position === 0) return true;
    const api = this.apiOf(callee);
    if (api && argumentsOf(api, [...Array(count).keys()]).includes(position)) return true;
    const param = this.evidence.sameFileParams(callee)?.[position];
    return param !== undefined && (this.waitsOn(param) || this.delays(param));
  }

  /** `setTimeout(resolve, ms)`: the file hands `name` to a timer as its delay. */
  private delays(name: string): boolean {
    return this.evidence
      .callsReading(name)
      .some((call) => TIMER_CALLS.test(call.callee) && call.args[1]?.includes(name));
  }

  /** Whether the file's code (not its comments) shows a "no limit" stored under `name` reaching a wait. */
  flowsByCode(name: string): boolean {
    return this.flowsToWait(name, false);
  }

  private flowsToWait(name: string, infinite: boolean): boolean {
    const key = `${infinite}:${name}`;
    let flows = this.flows.get(key);
    if (flows === undefined) this.flows.set(key, (flows = this.flowsToWaitUncached(name, infinite)));
    return flows;
  }

  private flowsToWaitUncached(name: string, infinite: boolean): boolean {
    if (infinite && (this.evidence.finiteTests.has(name) || this.optionWaits().has(name))) return true;
    if (this.waitsOn(name)) return true;
    // `set_timeout("read", config.read_timeout)` where `function set_timeout(type, ms) { if (ms <= 0) return; ... }`.
    for (const call of this.evidence.callsReading(name)) {
      const params = this.evidence.sameFileParams(call.callee);
      if (params === undefined) continue;
      for (const [position, names] of call.args.entries()) {
        const param = params[position];
        if (param !== undefined && param !== name && names.includes(name) && this.waitsOn(param)) return true;
      }
    }
    return false;
  }

  /**
   * `name` reaches a wait in this file: a timer armed with it only when it is set (`if (ms > 0) setTimeout(...)`,
   * `t > 0 ? AbortSignal.timeout(t) : undefined`), or a call whose 0 is "no limit" (`socket.setTimeout(this.timeout)`).
   */
  private waitsOn(name: string): boolean {
    let waits = this.waits.get(name);
    if (waits === undefined) this.waits.set(name, (waits = this.waitsOnUncached(name)));
    return waits;
  }

  private waitsOnUncached(name: string): boolean {
    if (this.zero.disables(name)) return true;
    for (const { callee, key, names } of this.evidence.setOnBuilt)
      if (names.includes(name) && this.waitsWhenSetOn(callee, key)) return true;
    const tested = this.zero.isTested(name);
    // Only the calls that read `name` can hand it on (`callsReading`: indexed once per file).
    for (const call of this.evidence.callsReading(name)) {
      // `Timeout.expires(waitQueueTimeoutMS)`: a callee that is itself a timeout, built from the value.
      if (this.buildsTimeout(call.callee) && call.args[0]?.includes(name) && !this.forceCloses(call.callee, name))
        return true;
      const api = this.apiOf(call.callee);
      if (!api || api.argument === "options" || this.forceCloses(call.callee, name)) continue;
      const positions = argumentsOf(api, call.args);
      if (positions.some((names) => names.includes(name)) && (tested || api.zeroIsUnbounded !== false)) return true;
    }
    return false;
  }

  /**
   * `const options = { timeout }; axios.request(options)`: the file hands `name` under a timeout key to an options API
   * (as written or as its module names it) whose 0 is "no limit". By name only, so asked only for a field the code
   * assigns (`meaning.ts`): a defaults table's or a parameter's `timeout = 0` elsewhere in the file shares the word.
   */
  handedToOptions(name: string | undefined): boolean {
    if (name === undefined) return false;
    return this.evidence.optionsCalls.some(({ callee, args }) => {
      if (!args[0]?.includes(name)) return false;
      const api = this.apiOf(callee);
      return api?.argument === "options" && api.zeroIsUnbounded !== false;
    });
  }

  /** `safeFetchWrap({ timeout })`: names whose `Infinity` an options call's receiver or key says bounds a wait. */
  private optionWaits(): Set<string> {
    return (this.optionWaitNames ??= infiniteOptionWaits(
      this.evidence.timeoutOptions,
      (callee) => !!this.apiOf(callee),
    ));
  }

  /** `this._socket.setTimeout(timeout, () => this.close())` while ending the socket (`closing-timers.ts`). */
  private forceCloses(callee: string, name: string): boolean {
    return callee.endsWith(".setTimeout") && this.zero.closing.only(name);
  }

  /**
   * Whether a value set under `key` on what `callee` built bounds a wait whose 0 is no limit: an object that is itself
   * a timeout, or an XMLHttpRequest's `timeout` (`request.timeout = self.timeout` on `new XHR2()`).
   */
  private waitsWhenSetOn(callee: string, key: string | undefined): boolean {
    return this.buildsTimeout(callee) || (key === "timeout" && isXhr(this.modules.canonical(callee)));
  }

  /** `Timeout.expires(t)`, `http.createServer`: a callee (as written or as its module names it) whose 0 is no limit. */
  private buildsTimeout(callee: string): boolean {
    return (zeroMeaningOf(this.apis, callee) ?? zeroMeaningOf(this.apis, this.modules.canonical(callee))) === true;
  }

  /** The known API a callee is, as written or as its module names it (`Pool` imported from undici). */
  private apiOf(callee: string): TimeoutApi | undefined {
    return matchApi(this.apis, "js", callee) ?? matchApi(this.apis, "js", this.modules.canonical(callee) ?? "");
  }
}

/** The arguments an API takes its timeout from (`options` APIs are asked elsewhere). */
function argumentsOf<T>(api: TimeoutApi, args: readonly T[]): readonly T[] {
  if (api.argument === "all") return args;
  if (api.argument === "last") return args.slice(-1);
  return typeof api.argument === "number" ? args.slice(api.argument, api.argument + 1) : [];
}
