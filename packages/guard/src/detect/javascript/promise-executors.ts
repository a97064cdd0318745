// Promise executors (`new Promise((resolve, reject) => ...)`) and how a timer armed in one settles the promise: by
// rejecting it while something else can resolve it first, or by giving up waiting for what a listener waits for.
import { calleePath, type EsNode, FUNCTION_TYPES, span, unwrap } from "./ast.ts";

/** Babel's helper that runs a generator as an async function (`_asyncToGenerator`, renamed `_asyncToGenerator2`). */
const ASYNC_TO_GENERATOR = /(^|\.)_?asyncToGenerator\d*$/;

/**
 * The function a `new Promise(...)` runs as its executor: its argument, or the async function Babel compiled it into.
 * `new Promise(async (resolve, reject) => ...)` becomes `new Promise(function () { var _ref2 =
 * _asyncToGenerator(function* (resolve, reject) {...}); return function (_x, _x2) { return _ref2.apply(this,
 * arguments); }; }())` (@looker/extension-sdk, fresh365): the generator gets the executor's arguments.
 */
export function executorFunction(argument: EsNode): EsNode {
  const value = unwrap(argument);
  const callee = value.type === "CallExpression" ? unwrap(value.callee as EsNode) : undefined;
  if (callee?.type !== "FunctionExpression" || (value.arguments as EsNode[]).length > 0) return value;
  for (const statement of (callee.body as EsNode).body as EsNode[]) {
    if (statement.type !== "VariableDeclaration") continue;
    for (const declarator of statement.declarations as EsNode[]) {
      const init = declarator.init ? unwrap(declarator.init as EsNode) : undefined;
      if (init?.type !== "CallExpression" || !ASYNC_TO_GENERATOR.test(calleePath(init.callee as EsNode) ?? ""))
        continue;
      const generator = (init.arguments as EsNode[])[0];
      if (generator && FUNCTION_TYPES.has(unwrap(generator).type)) return unwrap(generator);
    }
  }
  return value;
}

/** A promise executor: its span, where its body starts (after the parameters), its two parameters' names. */
export type Executor = { from: number; to: number; body: number; resolve?: string; reject?: string };

/** A function of the file: its span, its parameters with their defaults, the name it is declared or stored under. */
export interface DeclaredFunction {
  from: number;
  to: number;
  parameters: Map<string, EsNode | undefined>;
  /** The name it is declared or stored under (`function finish(`, `const finish = () =>`), if any. */
  name?: string;
  node: EsNode;
}

/** The file's promise executors, collected during the one walk. */
export class PromiseExecutors {
  private readonly executors: Executor[] = [];

  /** `functions`: every function of the file, filled by the same walk. */
  constructor(
    private readonly source: string,
    private readonly functions: readonly DeclaredFunction[],
  ) {}

  /** The first argument of a `new Promise(...)`: its span and its two parameters' names, when it is a function. */
  add(executor: EsNode): void {
    if (executor.type !== "ArrowFunctionExpression" && executor.type !== "FunctionExpression") return;
    const [from, to] = span(executor);
    const [resolve, reject] = (executor.params as EsNode[]).map((p) =>
      p.type === "Identifier" ? (p.name as string) : undefined,
    );
    this.executors.push({ from, to, body: span(executor.body as EsNode)[0], resolve, reject });
  }

  /** The innermost executor around `at`, if any. */
  innermost(at: number): Executor | undefined {
    let best: Executor | undefined;
    for (const executor of this.executors)
      if (executor.from < at && at < executor.to && (!best || executor.from > best.from)) best = executor;
    return best;
  }

  // The executor's text outside the callback uses its `resolve` (calls it or hands it on): it can settle first.
  resolvesElsewhere(executor: Executor, callback: EsNode): boolean {
    if (executor.resolve === undefined) return false;
    const [from, to] = span(callback);
    const outside = this.source.slice(executor.from, from) + this.source.slice(to, executor.to);
    // The executor's own parameter list names it once; a use is a second mention.
    const uses = outside.match(new RegExp(`\\b${escape(executor.resolve)}\\b`, "g"))?.length ?? 0;
    return uses >= 2;
  }

  // The timer settles the executor's promise (`resolve`, or a function of the executor that calls it: `finish()`,
  // `resolveGuild(fallback)`) that a listener or callback also settles: it gives up waiting for what the listener
  // waits for (discord.js' `GuildCreate`, a watcher's `add` event). A sleep resolves only from its timer, and an
  // executor that resolves at once when ready (`if (ready) resolve()`) is no race: the other settlement must come
  // from a nested function or be handed on (`emitter.once("ready", resolve)`). A poll that re-arms the function it
  // runs in is a pacing tick.
  givesUpWaiting(executor: Executor, callback: EsNode, called: readonly string[]): boolean {
    const resolve = executor.resolve;
    if (resolve === undefined) return false;
    const [cbFrom, cbTo] = span(callback);
    const calls = new RegExp(`\\b${escape(resolve)}\\s*\\(`);
    const nested = this.functions.filter(
      (fn) => executor.from < fn.from && fn.to < executor.to && !(cbFrom <= fn.from && fn.to <= cbTo),
    );
    // Where `name` is used outside the callback and outside `skip`: in a nested function, or handed on as an argument.
    const settledElsewhere = (name: string, skip?: { from: number; to: number }): boolean => {
      for (const m of this.source
        .slice(executor.body, executor.to)
        .matchAll(new RegExp(`\\b${escape(name)}\\b`, "g"))) {
        const at = executor.body + m.index;
        if ((cbFrom <= at && at < cbTo) || (skip && skip.from <= at && at < skip.to)) continue;
        const handedOn =
          /^[\w$]*\s*[,)]/.test(this.source.slice(at)) && /[(,]\s*$/.test(this.source.slice(at - 40, at));
        if (handedOn || nested.some((fn) => fn !== skip && fn.from < at && at < fn.to)) return true;
      }
      return false;
    };
    for (const name of called) {
      if (name === resolve) {
        if (settledElsewhere(resolve)) return true;
        continue;
      }
      const settlers = nested.filter((fn) => fn.name === name && calls.test(this.source.slice(fn.from, fn.to)));
      // `const check = () => { if (done()) resolve(); else setTimeout(check, 50) }`: a poll that re-arms itself. The
      // function of that name the timer is in is the one it names, whatever other `check` the executor declares in
      // another block (a poll written twice, once per branch).
      if (settlers.some((fn) => fn.from < cbFrom && cbTo < fn.to)) continue;
      const settler = settlers[0];
      if (settler && settledElsewhere(name, settler)) return true;
    }
    return false;
  }
}

/** `name` as a regular expression's source (`$` escaped). */
export function escape(name: string): string {
  return name.replace(/[$]/g, "\\$");
}
