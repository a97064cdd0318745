// Evidence that a "no limit" the code chooses for itself (a default, a field, a defaults table's 0, `false` or
// `Infinity`) reaches a wait. A name alone is none: `sublimitTimeout: 0` in data emitted to listeners, a config key
// nothing reads, a browser pref, a pause between polls all look the same. The file has to show the value reaching a
// wait: a timer armed only when it is set, an API whose 0 is "no limit", a local function that does either with the
// parameter it is passed in, an `Infinity` the code tests for, or its own documentation saying "0 = no limit".
import { matchApi, type TimeoutApi } from "../../apis.ts";
import { calleePath, type EsNode, isNode, namesRead, referenceName, unwrap } from "./ast.ts";
import type { ModuleBindings } from "./modules.ts";
import { documentedElsewhere, documentedNoLimit, documentedNoLimitAt } from "./no-limit-docs.ts";
import { JS_CLOCKS, TIMER_CALLS } from "./timers.ts";
import { type ZeroFacts, zeroMeaningOf } from "./zero.ts";

/** `isFinite(t)`, `Number.isFinite(t)`: the code tells a finite timeout from an infinite one. */
const FINITE_TESTS = /^(Number\.)?isFinite$/;

const FUNCTIONS = /^(FunctionDeclaration|FunctionExpression|ArrowFunctionExpression)$/;

/** Names whose 0 or `false` (`zero`) or `Infinity` (`infinite`) a file shows reaching a wait. */
export interface NamesReachingWait {
  readonly zero: ReadonlySet<string>;
  readonly infinite: ReadonlySet<string>;
}

/** One call: its callee as written, and the names each argument reads (`a || b`, `t * 1000`). */
type CallRecord = { callee: string; args: string[][] };

/** Collected during the one walk (`collect.ts` hands it calls, functions and comparisons); asked after it. */
export class NoLimitEvidence {
  private readonly calls: CallRecord[] = [];
  /** Same-file functions and methods by name, with their parameters' names (a destructured one is `undefined`). */
  private readonly functions = new Map<string, (string | undefined)[]>();
  /** Names compared with `Infinity` or tested with `isFinite`: the code arms no timer for an infinite one. */
  private readonly finiteTests = new Set<string>();
  /** Fallbacks and choices by the name the value they are part of is stored under (`stored`). */
  private readonly storedUnder = new Map<EsNode, string>();
  /** Locals holding what a call or `new` returned, with its callee (`server` → `http.createServer`). */
  private readonly builders = new Map<string, string>();
  /** Names read into the value stored under a name (`readTimeout = config.query_timeout || ...`), by that name. */
  private readonly readInto = new Map<string, Set<string>>();
  /** `server.requestTimeout = options.requestTimeout`: names set on an object a call built, with its callee. */
  private readonly setOnBuilt: { callee: string; names: string[] }[] = [];
  private lines: string[] | undefined;

  constructor(private readonly source: string) {}

  call(node: EsNode): void {
    const callee = calleePath(node.callee as EsNode);
    if (callee === undefined) return;
    const args = node.arguments as EsNode[];
    if (FINITE_TESTS.test(callee) && args[0]) for (const name of namesRead(args[0])) this.finiteTests.add(name);
    this.calls.push({ callee, args: args.map((arg) => namesRead(arg)) });
  }

  /** `function setTimer(type, ms) {...}`, `const arm = (ms) => ...`, a class method: its parameters by position. */
  definition(name: string | undefined, fn: unknown): void {
    if (name === undefined || !isNode(fn) || !FUNCTIONS.test(fn.type) || this.functions.has(name)) return;
    const params = ((fn.params as EsNode[] | undefined) ?? []).map((raw) => {
      const param = unwrap(raw.type === "AssignmentPattern" ? (raw.left as EsNode) : raw);
      return param.type === "Identifier" ? (param.name as string) : undefined;
    });
    this.functions.set(name, params);
  }

  /**
   * `this.timer = Number(n.timeout || 0) * 1000`: the fallbacks and choices inside a value stored under a name (read
   * through conversions and arithmetic), so a timer armed with that name is evidence for them too.
   */
  stored(name: string | undefined, raw: unknown, depth = 0): void {
    if (name === undefined || !isNode(raw) || depth > 3) return;
    const node = unwrap(raw);
    if (depth === 0) {
      const reads = this.readInto.get(name) ?? new Set<string>();
      for (const read of namesRead(node)) if (read !== name) reads.add(read);
      this.readInto.set(name, reads);
    }
    if (node.type === "LogicalExpression" || node.type === "ConditionalExpression") this.storedUnder.set(node, name);
    if (node.type === "BinaryExpression" || node.type === "LogicalExpression") {
      this.stored(name, node.left, depth + 1);
      this.stored(name, node.right, depth + 1);
    } else if (node.type === "ConditionalExpression") {
      this.stored(name, node.consequent, depth + 1);
      this.stored(name, node.alternate, depth + 1);
    } else if (node.type === "CallExpression") this.stored(name, (node.arguments as EsNode[])[0], depth + 1);
  }

  /** `x.timeout = value`: what the value is stored under, and an option set on an object a call built. */
  assignment(node: EsNode): void {
    const left = node.left as EsNode;
    this.stored(referenceName(left), node.right);
    const callee = node.operator === "=" ? this.builtBy(left) : undefined;
    if (callee !== undefined) this.setOnBuilt.push({ callee, names: namesRead(node.right as EsNode) });
  }

  /** `const server = http.createServer()`: the callee that built the object a local holds (`started`: a clock). */
  built(name: string | undefined, raw: unknown): void {
    const init = isNode(raw) ? unwrap(raw) : undefined;
    if (name === undefined || (init?.type !== "CallExpression" && init?.type !== "NewExpression")) return;
    const callee = calleePath(init.callee as EsNode);
    if (callee !== undefined) this.builders.set(name, callee);
  }

  /** `Date.now()`, `performance.now()`, or a local that holds one (`const started = Date.now()`). */
  isClock(node: EsNode): boolean {
    const callee = node.type === "CallExpression" ? calleePath(node.callee as EsNode) : undefined;
    if (callee !== undefined) return JS_CLOCKS.test(callee);
    const held = node.type === "Identifier" ? this.builders.get(node.name as string) : undefined;
    return held !== undefined && JS_CLOCKS.test(held);
  }

  /** The code's comment at `at` says another mechanism bounds the wait its "no limit" switches a timer off for. */
  handledElsewhere(at: number): boolean {
    return documentedElsewhere((this.lines ??= this.source.split("\n")), at);
  }

  /** The code's comment at `at` says its value means "no limit" (`// Timeouts disabled` above `socketTimeout: 0`). */
  documentedAt(at: number): boolean {
    return documentedNoLimitAt((this.lines ??= this.source.split("\n")), at);
  }

  /** `server.requestTimeout`: the callee that built `server`, if a local holds what a call returned. */
  builtBy(target: EsNode): string | undefined {
    const object = target.type === "MemberExpression" ? unwrap(target.object as EsNode) : undefined;
    return object?.type === "Identifier" ? this.builders.get(object.name as string) : undefined;
  }

  /** The name a fallback or choice is stored under (`timer` for `n.timeout || 0` in `this.timer = ...`), if any. */
  destinationOf(site: EsNode | undefined): string | undefined {
    return site === undefined ? undefined : this.storedUnder.get(site);
  }

  /**
   * `t !== Infinity`, `t < Infinity`: the code tells an infinite timeout apart. `started + t` (`started` read from a
   * clock) or `Date.now() + t`: a deadline, which an infinite `t` never reaches.
   */
  comparison(node: EsNode): void {
    const sides = [unwrap(node.left as EsNode), unwrap(node.right as EsNode)];
    if (node.operator === "+" && sides.some((side) => this.isClock(side)))
      for (const side of sides) for (const name of namesRead(side)) this.finiteTests.add(name);
    if (!sides.some((side) => side.type === "Identifier" && side.name === "Infinity")) return;
    for (const side of sides) {
      const name = referenceName(side);
      if (name !== undefined && name !== "Infinity") this.finiteTests.add(name);
    }
  }

  /**
   * Whether the file shows a "no limit" stored under `name` reaching a wait: `zero` knows the timers armed only
   * when a name is set, `apis` the calls whose 0 is no limit. `infinite` for `Infinity` (and the largest delays),
   * `at` is the value's offset (its own comment and the one above it count as documentation).
   */
  reachesWait(
    name: string | undefined,
    at: number,
    infinite: boolean,
    zero: ZeroFacts,
    apis: readonly TimeoutApi[],
    modules: ModuleBindings,
  ): boolean {
    if (documentedNoLimit((this.lines ??= this.source.split("\n")), name, at)) return true;
    return name !== undefined && this.flowsToWait(name, infinite, zero, apis, modules);
  }

  /**
   * The names whose "no limit" this file shows reaching a wait by its code (not by its comments): what it tells the
   * other files of its package (`package-facts.ts`), where a default is often written far from the code that reads it.
   */
  namesReachingWait(zero: ZeroFacts, apis: readonly TimeoutApi[], modules: ModuleBindings): NamesReachingWait {
    // One pass over the calls, as `waitsOn` asks of each name: a large file has thousands of names and calls.
    const always = new Set<string>();
    const whenTested = new Set<string>();
    for (const call of this.calls) {
      for (const names of call.args) for (const name of names) if (zero.disables(name)) always.add(name);
      const builds = zeroMeaningOf(apis, call.callee) ?? zeroMeaningOf(apis, modules.canonical(call.callee));
      if (builds === true) for (const name of call.args[0] ?? []) always.add(name);
      const api = matchApi(apis, "js", call.callee) ?? matchApi(apis, "js", modules.canonical(call.callee) ?? "");
      if (!api || api.argument === "options") continue;
      for (const names of argumentsOf(api, call.args))
        for (const name of names) (api.zeroIsUnbounded !== false ? always : whenTested).add(name);
    }
    const waits = (name: string) => always.has(name) || (whenTested.has(name) && zero.isTested(name));
    const zeroes = new Set([...always, ...[...whenTested].filter(waits)]);
    // `set_timeout("read", config.read_timeout)`: what a same-file function hands on to a wait.
    for (const call of this.calls) {
      const params = this.functions.get(call.callee.slice(call.callee.lastIndexOf(".") + 1));
      if (params === undefined) continue;
      for (const [position, names] of call.args.entries()) {
        const param = params[position];
        if (param !== undefined && waits(param)) for (const name of names) if (name !== param) zeroes.add(name);
      }
    }
    // `server.requestTimeout = options.requestTimeout` on what `http.createServer()` built: a 0 there is no limit.
    for (const { callee, names } of this.setOnBuilt)
      if ((zeroMeaningOf(apis, callee) ?? zeroMeaningOf(apis, modules.canonical(callee))) === true)
        for (const name of names) zeroes.add(name);
    // `readTimeout = config.query_timeout || ...; if (readTimeout) setTimeout(..., readTimeout)`: what a waiting name
    // is read from waits too (two steps: `this._t = opts.t || 0`, then a local from `this._t`).
    for (let step = 0; step < 2; step++)
      for (const [stored, reads] of this.readInto) if (zeroes.has(stored)) for (const read of reads) zeroes.add(read);
    return { zero: zeroes, infinite: new Set([...zeroes, ...this.finiteTests]) };
  }

  /**
   * Whether a call hands its argument at `position` to a wait: a timer's delay (`setTimeout(fn, t)`), an API whose
   * timeout it is, or a same-file function whose parameter there reaches a wait (`this.acquire(timeout)`).
   */
  handsToWait(
    callee: string,
    position: number,
    zero: ZeroFacts,
    apis: readonly TimeoutApi[],
    modules: ModuleBindings,
  ): boolean {
    if (TIMER_CALLS.test(callee)) return position === 1;
    const builds = zeroMeaningOf(apis, callee) ?? zeroMeaningOf(apis, modules.canonical(callee));
    if (builds === true && position === 0) return true;
    const api = matchApi(apis, "js", callee) ?? matchApi(apis, "js", modules.canonical(callee) ?? "");
    if (api && (api.argument === position || api.argument === "all")) return true;
    const param = this.functions.get(callee.slice(callee.lastIndexOf(".") + 1))?.[position];
    return param !== undefined && this.waitsOn(param, zero, apis, modules);
  }

  private flowsToWait(
    name: string,
    infinite: boolean,
    zero: ZeroFacts,
    apis: readonly TimeoutApi[],
    modules: ModuleBindings,
  ): boolean {
    if (infinite && this.finiteTests.has(name)) return true;
    if (this.waitsOn(name, zero, apis, modules)) return true;
    // `set_timeout("read", config.read_timeout)` where `function set_timeout(type, ms) { if (ms <= 0) return; ... }`.
    for (const call of this.calls) {
      const params = this.functions.get(call.callee.slice(call.callee.lastIndexOf(".") + 1));
      if (params === undefined) continue;
      for (const [position, names] of call.args.entries()) {
        const param = params[position];
        if (param !== undefined && param !== name && names.includes(name) && this.waitsOn(param, zero, apis, modules))
          return true;
      }
    }
    return false;
  }

  /**
   * `name` reaches a wait in this file: a timer armed with it only when it is set (`if (ms > 0) setTimeout(...)`,
   * `t > 0 ? AbortSignal.timeout(t) : undefined`), or a call whose 0 is "no
   * limit" (`socket.setTimeout(this.timeout)`).
   */
  private waitsOn(name: string, zero: ZeroFacts, apis: readonly TimeoutApi[], modules: ModuleBindings): boolean {
    if (zero.disables(name)) return true;
    const tested = zero.isTested(name);
    for (const call of this.calls) {
      // `Timeout.expires(waitQueueTimeoutMS)`: a callee that is itself a timeout, built from the value.
      const builds = zeroMeaningOf(apis, call.callee) ?? zeroMeaningOf(apis, modules.canonical(call.callee));
      if (builds === true && call.args[0]?.includes(name)) return true;
      const api = matchApi(apis, "js", call.callee) ?? matchApi(apis, "js", modules.canonical(call.callee) ?? "");
      if (!api || api.argument === "options") continue;
      const positions = argumentsOf(api, call.args);
      if (positions.some((names) => names.includes(name)) && (tested || api.zeroIsUnbounded !== false)) return true;
    }
    return false;
  }
}

/** The arguments an API takes its timeout from (`options` APIs are asked elsewhere). */
function argumentsOf(api: TimeoutApi, args: string[][]): string[][] {
  if (api.argument === "all") return args;
  if (api.argument === "last") return args.slice(-1);
  return typeof api.argument === "number" ? args.slice(api.argument, api.argument + 1) : [];
}
