// Timer promises raced against an operation through a call: `Promise.race([consumer.cancel(), setTimeout(5000)])` with
// node:timers/promises' `setTimeout`, and `Promise.race([waitForInsert(), waitForNoResults()])` where the file's
// `waitForNoResults` returns a `new Promise` its timer resolves. Whichever settles first ends the wait, so the timer's
// delay bounds it, as a callback timer written inside the race's array does (`call-facts.ts`). A race in a loop of its
// function (`while (!this.workerExited) await Promise.race([terminatePromise, setTimeout(pollIntervalMs)])`) goes round
// again when the sleep wins: the sleep paces a poll (eval README "Poll ticks"), it bounds no wait.
import { calleePath, type EsNode, memberName, span, unwrap } from "./ast.ts";
import { innermostFunction } from "./function-spans.ts";

/** node:timers/promises' sleep as a module names it (`modules.ts`): `setTimeout(ms, value, options)`. */
const PROMISE_SLEEP = "timers/promises.setTimeout";

/** A promise executor: where its `new Promise` starts, the executor's span, and its resolve and reject names. */
type Executor = { at: number; from: number; to: number; settle: string[] };

/** Statements that go round again. */
const LOOPS = new Set(["WhileStatement", "DoWhileStatement", "ForStatement", "ForInStatement", "ForOfStatement"]);

/** Collected during the one walk: the calls race elements start with, and every `new Promise` executor. */
export class RacedCalls {
  /** The call each race element starts with (`a()` in `a()`, `await a()`, `a().then(...)`), with where its race starts. */
  private readonly heads = new Map<EsNode, number>();
  /** The names those calls call, when a plain name (`waitForNoResults`), with where their races start. */
  private readonly names = new Map<string, number[]>();
  private readonly executors: Executor[] = [];
  /** [start, end) of every loop statement. */
  private readonly loops: [number, number][] = [];

  /** Any node of the walk: loops. */
  node(node: EsNode): void {
    if (LOOPS.has(node.type)) this.loops.push(span(node));
  }

  /** The elements of a `Promise.race([...])` call whose timers race the operation. */
  race(call: EsNode, elements: readonly (EsNode | null)[]): void {
    const [at] = span(call);
    for (const element of elements) {
      const head = element ? headCall(element) : undefined;
      if (!head) continue;
      this.heads.set(head, at);
      const callee = unwrap(head.callee as EsNode);
      if (callee.type === "Identifier")
        this.names.set(callee.name as string, [...(this.names.get(callee.name as string) ?? []), at]);
    }
  }

  // Whether the race starting at `at` goes round in a loop of its own function (`functionSpans` in document order).
  private inLoop(at: number, functionSpans: readonly [number, number][]): boolean {
    const [from] = innermostFunction(functionSpans, at) ?? [0];
    return this.loops.some(([start, end]) => start >= from && start < at && at < end);
  }

  /** `new Promise((resolve, reject) => ...)`: an executor and the names that settle it. */
  promise(node: EsNode): void {
    if (node.type !== "NewExpression" || calleePath(node.callee as EsNode) !== "Promise") return;
    const executor = (node.arguments as EsNode[])[0] && unwrap((node.arguments as EsNode[])[0]!);
    if (!executor || !/^(ArrowFunctionExpression|FunctionExpression)$/.test(executor.type)) return;
    const settle = (executor.params as EsNode[]).flatMap((p) => (p.type === "Identifier" ? [p.name as string] : []));
    if (settle.length > 0) this.executors.push({ at: span(node)[0], ...spanOf(executor), settle });
  }

  /**
   * In `Promise.race([op(), setTimeout(5000)])`, the delay of node:timers/promises' sleep (its first argument) when
   * `node` starts a race element; `canonical` names a callee as its module does.
   */
  racedSleep(
    node: EsNode,
    path: string,
    canonical: (path: string) => string | undefined,
    functionSpans: readonly [number, number][],
  ): EsNode | undefined {
    const race = this.heads.get(node);
    if (race === undefined || canonical(path) !== PROMISE_SLEEP || this.inLoop(race, functionSpans)) return undefined;
    const delay = (node.arguments as EsNode[])[0];
    return delay && !/^(ArrowFunctionExpression|FunctionExpression)$/.test(unwrap(delay).type) ? delay : undefined;
  }

  /**
   * Whether a timer settles the promise a raced function returns: `waitForNoResults = async () => new Promise((resolve)
   * => setTimeout(() => resolve(null), 5e3))` with `Promise.race([..., waitForNoResults()])`. The timer's callback
   * calls the executor's resolve or reject (or is one), and the `new Promise` is written in the function itself (not
   * in a callback inside it). `namedSpans` gives the spans of the functions defined under a name; `functionSpans`
   * every function's, in document order; `text` a node's source.
   */
  settlesRacedCall(
    timer: EsNode,
    namedSpans: (name: string) => [number, number][],
    functionSpans: readonly [number, number][],
    text: (node: EsNode) => string,
  ): boolean {
    if (this.names.size === 0 || this.executors.length === 0) return false;
    const [at] = span(timer);
    const callback = (timer.arguments as EsNode[])[0];
    if (!callback) return false;
    const inner = this.executors.filter((e) => e.from <= at && at < e.to).at(-1);
    if (!inner || !inner.settle.some((name) => settles(unwrap(callback), name, text))) return false;
    const owner = innermostFunction(functionSpans, inner.at);
    if (!owner) return false;
    for (const [name, races] of this.names)
      if (
        races.some((race) => !this.inLoop(race, functionSpans)) &&
        namedSpans(name).some(([from, to]) => from === owner[0] && to === owner[1])
      )
        return true;
    return false;
  }
}

// `resolve`, `() => resolve(null)`, `function () { reject(new Error("t")) }`: a callback that settles with `name`.
function settles(callback: EsNode, name: string, text: (node: EsNode) => string): boolean {
  if (callback.type === "Identifier") return callback.name === name;
  if (!/^(ArrowFunctionExpression|FunctionExpression)$/.test(callback.type)) return false;
  return new RegExp(`(?<![\\w$.])${name.replace(/\$/g, "\\$")}\\s*\\(`).test(text(callback.body as EsNode));
}

// The call an element starts with: through `await` and `.then/.catch/.finally` steps chained on it.
function headCall(element: EsNode): EsNode | undefined {
  let node = unwrap(element);
  for (let depth = 0; depth < 8; depth++) {
    if (node.type === "AwaitExpression") node = unwrap(node.argument as EsNode);
    else if (node.type !== "CallExpression") return undefined;
    else {
      const callee = unwrap(node.callee as EsNode);
      const step = callee.type === "MemberExpression" ? memberName(callee) : undefined;
      if (step === undefined || !/^(then|catch|finally)$/.test(step)) return node;
      node = unwrap(callee.object as EsNode);
    }
  }
  return undefined;
}

function spanOf(node: EsNode): { from: number; to: number } {
  const [from, to] = span(node);
  return { from, to };
}
