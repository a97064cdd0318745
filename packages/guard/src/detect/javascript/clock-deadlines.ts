// Deadlines a wait keeps by the clock, not by a timer: `if (Date.now() - start > timeout) return reject(...)`,
// `const deadline = Date.now() + timeoutMs; ... if (Date.now() > deadline) throw ...`, a poll that counts the time it
// has waited (`waited += step; ... if (waited >= timeout) reject(...)`, @inboxsdk/core's `waitFor`), or a retry loop
// that gives up (`const elapsed = Date.now() - start; if (elapsed > maxElapsedTime) throw err`, Speakeasy's SDKs).
// What the time spent is held against, where the branch taken once it is reached fails the wait, bounds that wait:
// a literal there is a hardcoded timeout, a name is one whatever it is called (`maxElapsedTime`, `maxPollTime`), and a
// parameter makes its function a helper whose callers hand the bound (`deadline-helpers.ts`).
//
// Only the wait's own time counts: a clock read less a start this code read from the clock (`const start =
// Date.now()`), or a counter it adds to. An entry's age (`Date.now() - entry.createdAt > ttl`) is no wait's. And only
// where something waits: the comparison sits in a loop or in a function that polls (arms a timer, ticks, sleeps).
import { type EsNode, isNode, namesRead, referenceName, span, unwrap } from "./ast.ts";
import { innermostFunction } from "./function-spans.ts";

/** A clock read: `Date.now()`, `performance.now()`, `process.hrtime(...)`, `new Date()`. */
const CLOCK = /\b(?:Date\.now|performance\.now|process\.hrtime(?:\.bigint)?)\s*\(|\bnew\s+Date\s*\(\s*\)/;

/** What a failing branch does: rejects the wait's promise, throws, or builds an error for its callback. */
const FAILS = /\breject\s*\(|\bthrow\b|\bnew\s+[\w$.]*Error\s*\(/;

/** A call that waits between a poll's checks. */
const TIMER_CALL = "(?:set(?:Timeout|Interval)|[Tt]ick|sleep|delay|wait\\w*)";

/** A function that waits: it loops, arms a timer, ticks, sleeps or waits between its checks. */
const WAITS =
  /\b(?:while|for)\s*\(|\bdo\s*\{|\bset(?:Timeout|Interval|Immediate)\s*\(|[Tt]ick\s*\(|requestAnimationFrame\s*\(|\b(?:sleep|delay|wait)\w*\s*\(/;

/** `5000`, `5 * 1000`, `30_000`: a duration written in place. */
const WRITTEN = /^[\d_.]+(?:e\d+)?(?:\s*[*]\s*[\d_.]+)*$/;

/** The longest function around the comparison's own that is read for a wait (a poll step's scheduler). */
const MAX_OUTER = 4000;

const COMPARISON = new Set(["<", "<=", ">", ">="]);

/** One comparison that bounds a wait: where, and the name or the literal the time spent is held against. */
type Bound = { at: number; name?: string; literal?: EsNode };

/** Collected during the one walk; read by `DeadlineHelpers.finish` and the detector. */
export class ClockDeadlines {
  /**
   * Where each name is given a clock read (`const start = Date.now()`), the time spent (`const elapsed = Date.now() -
   * start`) or a deadline (`const deadline = Date.now() + timeout`, with the one name it adds). A name counts only in
   * the functions around where it is given (a bundle's minified `t` is a different one in each function).
   */
  private readonly reads = new Map<string, number[]>();
  private readonly spent = new Map<string, number[]>();
  private readonly sums = new Map<string, { at: number; added: string }[]>();
  /** Whether a name is counted up in a function (`waited += step`), by name and function. */
  private readonly counters = new Map<string, boolean>();
  private readonly found: Bound[] = [];
  /** After the walk (`finish`): the bounds of comparisons made where something waits, and the names among them. */
  private waiting: Bound[] = [];
  private learned = new Set<string>();

  constructor(
    private readonly source: string,
    /** The file's function spans in document order (filled by the walk). */
    private readonly functionSpans: readonly [number, number][],
  ) {}

  /** `start = Date.now()`, `elapsed = Date.now() - start`, `deadline = Date.now() + timeout` (declared or assigned). */
  assigned(name: string | undefined, value: unknown): void {
    if (name === undefined || !isNode(value)) return;
    const node = unwrap(value);
    const [at] = span(node);
    if (node.type === "BinaryExpression" && node.operator === "+") {
      const [left, right] = [unwrap(node.left as EsNode), unwrap(node.right as EsNode)];
      const added = this.isRead(left, at) ? right : this.isRead(right, at) ? left : undefined;
      const read = added && namesRead(added);
      if (read?.length === 1) this.sums.set(name, [...(this.sums.get(name) ?? []), { at, added: read[0]! }]);
    } else if (this.elapsed(node, at)) this.spent.set(name, [...(this.spent.get(name) ?? []), at]);
    else if (node.type === "CallExpression" || node.type === "NewExpression") {
      if (CLOCK.test(this.text(node))) this.reads.set(name, [...(this.reads.get(name) ?? []), at]);
    }
  }

  /**
   * `if (<time spent> > <bound>) <fail>`, or `if (time < timeout) <again> else <fail>`: the comparisons of the test
   * whose branch taken once the bound is reached fails the wait (only the consequent when the test joins several).
   */
  ifStatement(node: EsNode): void {
    const test = unwrap(node.test as EsNode);
    for (const comparison of comparisons(test)) {
      const [left, right] = [unwrap(comparison.left as EsNode), unwrap(comparison.right as EsNode)];
      const [at] = span(node);
      const onRight = this.bound(right, left, at);
      const bound = onRight ?? this.bound(left, right, at);
      if (bound === undefined) continue;
      const greater = comparison.operator === ">" || comparison.operator === ">=";
      const reached = onRight !== undefined ? greater : !greater;
      const branch = reached ? node.consequent : comparison === test ? node.alternate : undefined;
      if (isNode(branch) && FAILS.test(this.text(branch))) this.found.push({ at, ...bound });
    }
  }

  /** Once the walk has seen every function: keeps the comparisons made where something waits. */
  finish(): void {
    this.waiting = this.found.filter(({ at }) => this.waits(at));
    // A minifier's `e` or `x` names a different value in each function: only a name that says something is learned.
    this.learned = new Set(this.waiting.flatMap(({ name }) => (name === undefined || name.length < 3 ? [] : [name])));
  }

  /** The bounds of comparisons made where something waits (after `finish`). */
  bounds(): readonly Bound[] {
    return this.waiting;
  }

  /** The names a wait's time spent is held against (`maxElapsedTime`, `config.maxPollTime`'s `maxPollTime`). */
  names(): ReadonlySet<string> {
    return this.learned;
  }

  /** `side` is held against the time spent `other`: the name it reads (through a deadline sum) or the literal. */
  private bound(side: EsNode, other: EsNode, at: number): Omit<Bound, "at"> | undefined {
    if (side.type === "Identifier") {
      const sum = this.sums.get(side.name as string)?.find((given) => this.inScope(given.at, at));
      if (sum !== undefined) return this.isRead(other, at) ? { name: sum.added } : undefined;
    }
    if (!this.isSpent(other, at)) return undefined;
    if (side.type === "Literal" || side.type === "BinaryExpression")
      return WRITTEN.test(this.text(side)) ? { literal: side } : undefined;
    const name = referenceName(side);
    return name === undefined ? undefined : { name };
  }

  /** `Date.now()`, or a name holding one where it is read. */
  private isRead(node: EsNode, at: number): boolean {
    if (node.type === "Identifier") return this.given(this.reads, node.name as string, at);
    return (node.type === "CallExpression" || node.type === "NewExpression") && CLOCK.test(this.text(node));
  }

  /** `Date.now() - start` where `start` holds an earlier clock read of this code. */
  private elapsed(node: EsNode, at: number): boolean {
    if (node.type !== "BinaryExpression" || node.operator !== "-") return false;
    const [left, right] = [unwrap(node.left as EsNode), unwrap(node.right as EsNode)];
    return this.isRead(left, at) && right.type === "Identifier" && this.given(this.reads, right.name as string, at);
  }

  /** The time this code has spent: an elapsed difference, a name holding one, or a counter it adds to. */
  private isSpent(node: EsNode, at: number): boolean {
    if (this.elapsed(node, at)) return true;
    if (node.type !== "Identifier") return false;
    const name = node.name as string;
    return this.given(this.spent, name, at) || this.counted(name, at);
  }

  /** Whether `name` is given such a value in a function around `at` (or at the top level). */
  private given(where: ReadonlyMap<string, number[]>, name: string, at: number): boolean {
    return (where.get(name) ?? []).some((given) => this.inScope(given, at));
  }

  /** A name given at `given` is seen at `at`: the function it is given in (if any) holds `at`. */
  private inScope(given: number, at: number): boolean {
    const fn = innermostFunction(this.functionSpans, given);
    return fn === undefined || (fn[0] <= at && at < fn[1]);
  }

  /**
   * `waited += steptime` where `steptime` is also the delay the poll waits between its checks (`setTimeout(step,
   * steptime)`, `futureTick(check, interval)`), both in the function that compares or a small one around it: a count
   * of the time waited. A count of tries or items (`i++`, `n += 1`, `count += batch.length`) is no time.
   */
  private counted(name: string, at: number): boolean {
    const fn = innermostFunction(this.functionSpans, at);
    if (fn === undefined) return false;
    const key = `${fn[0]}:${name}`;
    const known = this.counters.get(key);
    if (known !== undefined) return known;
    // `futureTick(function () { time += interval; ... }, interval)`: the delay is handed where the callback is.
    const outer = innermostFunction(this.functionSpans, fn[0]);
    const text = this.source.slice(...(outer !== undefined && outer[1] - outer[0] <= MAX_OUTER ? outer : fn));
    const escaped = name.replace(/\$/g, "\\$");
    let counted = false;
    for (const match of text.matchAll(new RegExp(`(?<![\\w$.])${escaped}\\s*\\+=\\s*([\\w$]+)\\s*[;,)\\n]`, "g"))) {
      const step = match[1]!;
      if (/^\d/.test(step)) continue;
      const delay = new RegExp(`${TIMER_CALL}\\s*\\([^;]{0,200}?(?<![\\w$.])${step.replace(/\$/g, "\\$")}(?![\\w$])`);
      if ((counted = delay.test(text))) break;
    }
    this.counters.set(key, counted);
    return counted;
  }

  /** The comparison at `at` sits in a function that waits (it, or the function around it). */
  private waits(at: number): boolean {
    const inner = innermostFunction(this.functionSpans, at);
    if (inner === undefined) return WAITS.test(this.source.slice(Math.max(0, at - 2000), at));
    if (WAITS.test(this.source.slice(...inner))) return true;
    // `function scheduleCheck(i) { futureTick(function () { ... if (time < timeout) ... }) }` (@ember/test-helpers'
    // `waitUntil`); a module's whole factory around a callback says nothing.
    const outer = innermostFunction(this.functionSpans, inner[0]);
    return outer !== undefined && outer[1] - outer[0] <= MAX_OUTER && WAITS.test(this.source.slice(...outer));
  }

  private text(node: EsNode): string {
    return this.source.slice(...span(node));
  }
}

/** The comparisons of a test, through `&&` and `||` (`if (!done && Date.now() > deadline)`). */
function comparisons(test: EsNode, depth = 0): EsNode[] {
  const node = unwrap(test);
  if (node.type === "BinaryExpression" && COMPARISON.has(node.operator as string)) return [node];
  if (node.type !== "LogicalExpression" || depth > 3) return [];
  return [...comparisons(node.left as EsNode, depth + 1), ...comparisons(node.right as EsNode, depth + 1)];
}
