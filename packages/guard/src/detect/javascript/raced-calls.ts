// Timer promises raced against an operation through a call: `Promise.race([consumer.cancel(), setTimeout(5000)])` with
// node:timers/promises' `setTimeout`, and `Promise.race([waitForInsert(), waitForNoResults()])` where the file's
// `waitForNoResults` returns a `new Promise` its timer resolves. Whichever settles first ends the wait, so the timer's
// delay bounds it, as a callback timer written inside the race's array does (`call-facts.ts`). A race whose innermost
// loop, in its own function, goes round on a condition (`while (!this.workerExited) await Promise.race([terminatePromise,
// setTimeout(pollIntervalMs)])`) goes round again when the sleep wins: the sleep paces a poll (eval README "Poll
// ticks"), it bounds no wait. A `for` loop (per item: `for (const c of consumers) await Promise.race([c.cancel(),
// sleep(5000)])`, or per try) or a constant condition (`while (true)`, left by a `break` on the race's result) gives
// each round its own deadline: reported.
import { calleePath, type EsNode, FUNCTION_TYPES, memberName, span, unwrap } from "./ast.ts";
import { innermostFunction, SpanTree } from "./function-spans.ts";

/** node:timers/promises' sleep as a module names it (`modules.ts`): `setTimeout(ms, value, options)`. */
const PROMISE_SLEEP = "timers/promises.setTimeout";

/**
 * A browser page's or frame's sleep (Playwright's and Puppeteer's `page.waitForTimeout(ms)`): a promise that resolves
 * after `ms` whatever happens, as node's sleep does. Out of a race it only waits (`apis.ts` leaves sleeps out); raced
 * against an operation (`Promise.race([page.waitForTimeout(2000), contents.waitForAPIResponse(...)])`), it ends the
 * wait for the operation, a deadline.
 */
const PAGE_SLEEP = /(^|\.)waitForTimeout$/;
/** A sleep helper by its last name (`sleep(ms)`, `delay(ms)`, `utils.wait(ms)`, `pause(ms)`), as `sleeps.ts` reads one. */
const OWN_SLEEP = /(^|\.)(sleep|delay|wait|pause)$/i;

/** A promise executor: where its `new Promise` starts, the executor's span, and its resolve and reject names. */
type Executor = { at: number; from: number; to: number; settle: string[] };

/** Statements that go round again. */
const LOOPS = new Set(["WhileStatement", "DoWhileStatement", "ForStatement", "ForInStatement", "ForOfStatement"]);

/** A loop statement's [start, end), and whether it goes round on a condition (a poll) rather than per item or forever. */
type Loop = { from: number; to: number; paces: boolean };

/** Collected during the one walk: the calls race elements start with, and every `new Promise` executor. */
export class RacedCalls {
  /** The call each race element starts with (`a()` in `a()`, `await a()`, `a().then(...)`), with where its race starts. */
  private readonly heads = new Map<EsNode, number>();
  /**
   * Heads that are their whole element, or only mark what it settles with (`wait(3000)`, desktop-commander's
   * `this.sleep(500).then(() => null)`), not `sleep(1).then(task)`, which only delays the task it runs.
   */
  private readonly whole = new Set<EsNode>();
  /** The names those calls call, when a plain name (`waitForNoResults`), with where their races start. */
  private readonly names = new Map<string, number[]>();
  private readonly executors: Executor[] = [];
  /**
   * The loops open at the walk's position, outermost first. The walk is pre-order, so a loop is seen before anything
   * in it: a race's innermost loop is the top of this stack once the loops that ended before it are closed.
   */
  private readonly open: Loop[] = [];
  /** Each race's innermost loop, by where the race starts (decided once, when the walk reaches the race). */
  private readonly loopOf = new Map<number, Loop>();
  /** Built once the walk is over: the executors by span, and the spans of functions raced by name outside a poll. */
  private executorTree?: SpanTree<Executor>;
  private racedOwners?: Set<string>;

  /** Any node of the walk: loops. */
  node(node: EsNode): void {
    if (!LOOPS.has(node.type)) return;
    const [from, to] = span(node);
    this.close(from);
    this.open.push({ from, to, paces: goesRoundOnCondition(node) });
  }

  // Drop the open loops that end before `at`.
  private close(at: number): void {
    while (this.open.length > 0 && this.open.at(-1)!.to <= at) this.open.pop();
  }

  /** The elements of a `Promise.race([...])` call whose timers race the operation. */
  race(call: EsNode, elements: readonly (EsNode | null)[]): void {
    const [at] = span(call);
    this.close(at);
    const loop = this.open.at(-1);
    if (loop) this.loopOf.set(at, loop);
    for (const element of elements) {
      const head = element ? headCall(element) : undefined;
      if (!head) continue;
      this.heads.set(head, at);
      if (marksOnly(element!, head)) this.whole.add(head);
      const callee = unwrap(head.callee as EsNode);
      if (callee.type === "Identifier")
        this.names.set(callee.name as string, [...(this.names.get(callee.name as string) ?? []), at]);
    }
  }

  // Whether the race starting at `at` paces a poll: its innermost loop goes round on a condition and is a loop of the
  // race's own function (`functionSpans` in document order), not one around the function's definition.
  private paced(at: number, functionSpans: readonly [number, number][]): boolean {
    const loop = this.loopOf.get(at);
    if (!loop?.paces) return false;
    const [from] = innermostFunction(functionSpans, at) ?? [0];
    return loop.from >= from;
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
   * In `Promise.race([op(), setTimeout(5000)])`, the delay of node:timers/promises' sleep or of a page's
   * `waitForTimeout` (its first argument) when `node` starts a race element; `canonical` names a callee as its module
   * does.
   */
  racedSleep(
    node: EsNode,
    path: string,
    canonical: (path: string) => string | undefined,
    functionSpans: readonly [number, number][],
  ): EsNode | undefined {
    const race = this.heads.get(node);
    // walletconnect's `Promise.race([fetchRecommendedWallets(), CoreHelperUtil.wait(3000)])`: a sleep helper of the
    // package's own, called with the duration alone.
    const own = OWN_SLEEP.test(path) && (node.arguments as EsNode[]).length === 1 && this.whole.has(node);
    const sleep = canonical(path) === PROMISE_SLEEP || PAGE_SLEEP.test(path) || own;
    if (race === undefined || !sleep || this.paced(race, functionSpans)) return undefined;
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
    // Asked per timer once the walk is over: the executor tree and the raced functions are built on the first ask.
    this.executorTree ??= new SpanTree(this.executors);
    const [inner] = this.executorTree.around(at);
    if (!inner || !inner.settle.some((name) => settles(unwrap(callback), name, text))) return false;
    const owner = innermostFunction(functionSpans, inner.at);
    if (!owner) return false;
    this.racedOwners ??= this.ownersRacedOutsidePolls(namedSpans, functionSpans);
    return this.racedOwners.has(`${owner[0]}:${owner[1]}`);
  }

  // The spans (`from:to`) of the functions defined under a name that some race, not a poll's pacing, calls.
  private ownersRacedOutsidePolls(
    namedSpans: (name: string) => [number, number][],
    functionSpans: readonly [number, number][],
  ): Set<string> {
    const owners = new Set<string>();
    for (const [name, races] of this.names)
      if (races.some((race) => !this.paced(race, functionSpans)))
        for (const [from, to] of namedSpans(name)) owners.add(`${from}:${to}`);
    return owners;
  }
}

// `while (!worker.exited)`, `do ... while (pending)`: a loop that goes round until a condition holds. Not a `for` loop
// (a round per item or per try: `for (const c of consumers)`, `for (let i = 0; i < tries; i++)`) nor a constant
// condition (`while (true)`: left only by a `break`, as on the race's result).
function goesRoundOnCondition(loop: EsNode): boolean {
  if (loop.type !== "WhileStatement" && loop.type !== "DoWhileStatement") return false;
  const test = loop.test ? unwrap(loop.test as EsNode) : undefined;
  return test !== undefined && test.type !== "Literal";
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

/** `head` is the element, or the element is `head.then(() => value)` (inline callbacks only, no task handed on). */
function marksOnly(element: EsNode, head: EsNode): boolean {
  let node = unwrap(element);
  for (let depth = 0; node !== head && depth < 4; depth++) {
    const callee = node.type === "CallExpression" ? unwrap(node.callee as EsNode) : undefined;
    const args = (node.arguments as EsNode[] | undefined) ?? [];
    if (callee?.type !== "MemberExpression" || memberName(callee) !== "then") return false;
    if (args.length !== 1 || !FUNCTION_TYPES.has(unwrap(args[0]!).type)) return false;
    node = unwrap(callee.object as EsNode);
  }
  return node === head;
}
