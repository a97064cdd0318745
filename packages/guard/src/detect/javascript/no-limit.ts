// Evidence that a "no limit" the code chooses for itself (a default, a field, a defaults table's 0, `false` or
// `Infinity`) reaches a wait. A name alone is none: `sublimitTimeout: 0` in data emitted to listeners, a config key
// nothing reads, a browser pref, a pause between polls all look the same. The file has to show the value reaching a
// wait: a timer armed only when it is set, an API whose 0 is "no limit", a local function that does either with the
// parameter it is passed in, an `Infinity` the code tests for, or its own documentation saying "0 = no limit".
// This file collects what the walk shows; `wait-flow.ts` asks it whether a name reaches a wait.
import { calleePath, type EsNode, isNode, namesRead, referenceName, span, unwrap } from "./ast.ts";
import { documentedElsewhere, documentedNoLimit, documentedNoLimitAt, documentedZeroNames } from "./no-limit-docs.ts";
import { isTimeoutName } from "../../names.ts";
import { JS_CLOCKS } from "./timers.ts";
import { builderOf } from "./builders.ts";

/** `isFinite(t)`, `Number.isFinite(t)`: the code tells a finite timeout from an infinite one. */
const FINITE_TESTS = /^(Number\.)?isFinite$/;

const FUNCTIONS = /^(FunctionDeclaration|FunctionExpression|ArrowFunctionExpression)$/;

/** Names read into the value stored under `stored`, at `at` (`const timeout = this.options.socketEndCloseTimeout`). */
export type ReadSite = { readonly stored: string; readonly reads: readonly string[]; readonly at: number };

/** `request.timeout = self.timeout` on what `new XHR2()` built: the builder, the key set and the names read. */
export type SetOnBuilt = {
  readonly callee: string;
  readonly key: string | undefined;
  readonly names: readonly string[];
};

/** One call: its callee as written, and the names each argument reads (`a || b`, `t * 1000`). */
export type CallRecord = { readonly callee: string; readonly args: readonly (readonly string[])[] };

/** Collected during the one walk (`collect.ts` hands it calls, functions and comparisons); asked after it. */
export class NoLimitEvidence {
  private readonly callRecords: CallRecord[] = [];
  /** Same-file functions and methods by name, with their parameters' names (a destructured one is `undefined`). */
  private readonly functions = new Map<string, (string | undefined)[]>();
  /** Names compared with `Infinity` or tested with `isFinite`: the code arms no timer for an infinite one. */
  private readonly tested = new Set<string>();
  /**
   * Names handed on under a timeout's key in a call's options (`safeFetchWrap({ responseMaxSize, timeout })`), with the
   * key and the callee: `wait-flow.ts` keeps those whose receiver or key says the value bounds a wait (`optionWaits`).
   */
  private readonly optionTimeouts: OptionTimeout[] = [];
  /** `const options = { baseURL, timeout }`: the timeout keys a local object holds, with their names, by the local. */
  private readonly heldTimeouts = new Map<string, KeyedNames[]>();
  /** Calls given an options object (written there or held in a local) with the names under its timeout keys. */
  private readonly optionCalls: CallRecord[] = [];
  /** Fallbacks and choices by the name the value they are part of is stored under (`stored`). */
  private readonly storedUnder = new Map<EsNode, string>();
  /** Locals holding what a call or `new` returned, with its callee (`server` → `http.createServer`). */
  private readonly builders = new Map<string, string>();
  /**
   * Names read into the value stored under a name (`readTimeout = config.query_timeout || ...`), one store at a time,
   * with where (`WaitFlow` asks how the function there arms the stored name).
   */
  private readonly readSites: ReadSite[] = [];
  /** `server.requestTimeout = options.requestTimeout`: names set on an object a call built, with its callee and key. */
  private readonly setOn: SetOnBuilt[] = [];
  /** The calls each name is read in (any argument), in document order; built on the first question (`callsReading`). */
  private readonly byName = new Map<string, CallRecord[]>();
  /** How many of `callRecords` `byName` holds: calls recorded after a question are indexed on the next one. */
  private indexed = 0;
  private lines: string[] | undefined;

  constructor(private readonly source: string) {}

  call(node: EsNode): void {
    const callee = calleePath(node.callee as EsNode);
    if (callee === undefined) return;
    const args = node.arguments as EsNode[];
    if (FINITE_TESTS.test(callee) && args[0]) for (const name of namesRead(args[0])) this.tested.add(name);
    for (const raw of args) {
      const arg = unwrap(raw);
      const held = arg.type === "Identifier" ? this.heldTimeouts.get(arg.name as string) : undefined;
      const keyed = held ?? (arg.type === "ObjectExpression" ? timeoutValues(arg) : []);
      for (const { key, names } of keyed) this.optionTimeouts.push({ callee, key, names });
      const names = keyed.flatMap((entry) => entry.names);
      if (names.length > 0) this.optionCalls.push({ callee, args: [names] });
    }
    this.callRecords.push({ callee, args: args.map((arg) => namesRead(arg)) });
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
      const here = namesRead(node).filter((read) => read !== name);
      if (here.length > 0) this.readSites.push({ stored: name, reads: here, at: span(node)[0] });
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
    if (callee !== undefined)
      this.setOn.push({ callee, key: referenceName(left), names: namesRead(node.right as EsNode) });
  }

  /** `const server = http.createServer()`: the callee that built the object a local holds (`started`: a clock). */
  built(name: string | undefined, raw: unknown): void {
    const init = isNode(raw) ? unwrap(raw) : undefined;
    if (name !== undefined && init?.type === "ObjectExpression") this.heldTimeouts.set(name, timeoutValues(init));
    const callee = init && builderOf(init);
    if (name !== undefined && callee !== undefined) this.builders.set(name, callee);
  }

  /** `Date.now()`, `performance.now()`, or a local that holds one (`const started = Date.now()`). */
  isClock(node: EsNode): boolean {
    const callee = node.type === "CallExpression" ? calleePath(node.callee as EsNode) : undefined;
    if (callee !== undefined) return JS_CLOCKS.test(callee);
    const held = node.type === "Identifier" ? this.builders.get(node.name as string) : undefined;
    return held !== undefined && JS_CLOCKS.test(held);
  }

  /** Every call of the file, in document order. */
  get calls(): readonly CallRecord[] {
    return this.callRecords;
  }

  /**
   * The calls that read `name` in any argument, in document order: what `wait-flow.ts` asks of each default and field
   * (a file with thousands of defaults and calls would otherwise scan every call for each one).
   */
  callsReading(name: string): readonly CallRecord[] {
    for (; this.indexed < this.callRecords.length; this.indexed++) {
      const call = this.callRecords[this.indexed]!;
      for (const read of new Set(call.args.flat())) {
        const calls = this.byName.get(read);
        if (calls) calls.push(call);
        else this.byName.set(read, [call]);
      }
    }
    return this.byName.get(name) ?? [];
  }

  /** Names compared with `Infinity`, tested with `isFinite` or added to a clock: an infinite one arms no timer. */
  get finiteTests(): ReadonlySet<string> {
    return this.tested;
  }

  /**
   * Calls given options with names under timeout keys (`axios.request(options)` after `const options = { timeout }`):
   * one argument, the names. Whether the callee is an API whose 0 is "no limit" is `wait-flow.ts`'s question.
   */
  get optionsCalls(): readonly CallRecord[] {
    return this.optionCalls;
  }

  /** Names handed on under a timeout key of a call's options, with the key and the callee (`optionTimeouts`). */
  get timeoutOptions(): readonly OptionTimeout[] {
    return this.optionTimeouts;
  }

  /** Each store of names read into a value (`const timeout = this.options.socketEndCloseTimeout`), with where. */
  get readsAt(): readonly ReadSite[] {
    return this.readSites;
  }

  /** Options set on an object a call built (`server.requestTimeout = options.requestTimeout`), with its callee. */
  get setOnBuilt(): readonly SetOnBuilt[] {
    return this.setOn;
  }

  /** The parameters (by position) of the same-file function or method a call of `callee` reaches (`this.acquire`). */
  sameFileParams(callee: string): readonly (string | undefined)[] | undefined {
    return this.functions.get(callee.slice(callee.lastIndexOf(".") + 1));
  }

  /** Settings a JSDoc tag of the file documents with 0 as "no limit" (`[queueTimeout=0] ... (0 - infinite)`). */
  documentedZero(): Set<string> {
    return documentedZeroNames((this.lines ??= this.source.split("\n")));
  }

  /** The code's comment at `at` (or above it) says the value stored under `name` means "no limit". */
  documented(name: string | undefined, at: number): boolean {
    return documentedNoLimit((this.lines ??= this.source.split("\n")), name, at);
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
      for (const side of sides) for (const name of namesRead(side)) this.tested.add(name);
    if (!sides.some((side) => side.type === "Identifier" && side.name === "Infinity")) return;
    for (const side of sides) {
      const name = referenceName(side);
      if (name !== undefined && name !== "Infinity") this.tested.add(name);
    }
  }
}

/** A timeout-named key of an options object and the names its value reads (`timeout: this.timeout`). */
export type KeyedNames = { readonly key: string; readonly names: readonly string[] };

/** A timeout key's names handed in a call's options (`safeFetchWrap({ timeout })`), with the callee as written. */
export type OptionTimeout = KeyedNames & { readonly callee: string };

/** `{ baseURL, timeout: this.timeout }`: the names read under the object's own timeout-named keys, by key. */
function timeoutValues(object: EsNode): KeyedNames[] {
  const names: KeyedNames[] = [];
  for (const property of object.properties as EsNode[]) {
    const key = property.type === "Property" && !property.computed ? referenceName(property.key as EsNode) : undefined;
    if (key !== undefined && isTimeoutName(key, undefined, { spelledApart: true }) && isNode(property.value))
      names.push({ key, names: namesRead(property.value as EsNode) });
  }
  return names;
}
