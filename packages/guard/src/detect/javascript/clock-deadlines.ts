// Deadlines a function keeps by the clock, not by a timer: `if (Date.now() - start > timeout) return reject(...)`,
// `const deadline = Date.now() + timeoutMs; ... if (Date.now() > deadline) throw ...`, or a poll that counts the time
// it has waited (`waited += step; ... if (waited >= timeout) reject(...)`, @inboxsdk/core's `waitFor`). The one name
// compared with the time spent, where the comparison fails the wait, is a bound on that wait; `deadline-helpers.ts`
// makes the function that declares it a helper whose callers hand the bound.
import { type EsNode, isNode, namesRead, referenceName, span, unwrap } from "./ast.ts";

/** A clock read: `Date.now()`, `performance.now()`, `process.hrtime(...)`, `new Date()`. */
const CLOCK = /\b(?:Date\.now|performance\.now|process\.hrtime(?:\.bigint)?)\s*\(|\bnew\s+Date\s*\(\s*\)/;

/** What a failing branch does: rejects the wait's promise, throws, or builds an error for its callback. */
const FAILS = /\breject\s*\(|\bthrow\b|\bnew\s+[\w$.]*Error\s*\(/;

const COMPARISON = new Set(["<", "<=", ">", ">="]);

/** Collected during the one walk; read by `DeadlineHelpers.finish`. */
export class ClockDeadlines {
  /** `const deadline = Date.now() + timeout`: the name of a deadline → the one name it adds to a clock read. */
  private readonly sums = new Map<string, string>();
  /** Comparisons whose branch fails the wait: the name compared with the time spent, and where. */
  private readonly compared: { at: number; name: string }[] = [];

  /** Whether a name is counted up somewhere in the file (`waited += step`), by name. */
  private readonly counters = new Map<string, boolean>();

  constructor(
    private readonly source: string,
    /** Only a name of a timeout bounds a wait (`budget` in a benchmark's check is no wait's bound). */
    private readonly isTimeout: (name: string) => boolean,
  ) {}

  /** `deadline = Date.now() + timeout` (a declarator's or an assignment's sides). */
  sum(name: string | undefined, value: unknown): void {
    if (name === undefined || !isNode(value)) return;
    const node = unwrap(value);
    if (node.type !== "BinaryExpression" || node.operator !== "+") return;
    const [left, right] = [unwrap(node.left as EsNode), unwrap(node.right as EsNode)];
    const added = CLOCK.test(this.text(left)) ? right : CLOCK.test(this.text(right)) ? left : undefined;
    const read = added && namesRead(added);
    if (read?.length === 1) this.sums.set(name, read[0]!);
  }

  /**
   * `if (<time spent> > <bound>) <fail>`, or `if (time < timeout) <again> else <fail>`: the comparisons of the test
   * whose branch taken once the bound is reached fails the wait (only the consequent when the test joins several).
   */
  ifStatement(node: EsNode): void {
    const test = unwrap(node.test as EsNode);
    for (const comparison of comparisons(test)) {
      const [left, right] = [unwrap(comparison.left as EsNode), unwrap(comparison.right as EsNode)];
      const onRight = this.bound(right, left);
      const name = onRight ?? this.bound(left, right);
      if (name === undefined) continue;
      const greater = comparison.operator === ">" || comparison.operator === ">=";
      const reached = onRight !== undefined ? greater : !greater;
      const branch = reached ? node.consequent : comparison === test ? node.alternate : undefined;
      if (isNode(branch) && FAILS.test(this.text(branch))) this.compared.push({ at: span(node)[0], name });
    }
  }

  /** The names compared with the time spent, and where: each a bound of the wait of the function declaring it. */
  bounds(): readonly { at: number; name: string }[] {
    return this.compared;
  }

  /** `side` reads one name and `other` is the time spent (a clock read, or a counter the code adds to). */
  private bound(side: EsNode, other: EsNode): string | undefined {
    const read = namesRead(side);
    if (read.length !== 1 || side.type === "CallExpression") return undefined;
    const named = read[0]!;
    if (CLOCK.test(this.text(other))) {
      const name = this.sums.get(named) ?? named;
      return this.isTimeout(name) ? name : undefined;
    }
    const counter = referenceName(other);
    if (!this.isTimeout(named) || counter === undefined || counter === named || !/^[\w$]+$/.test(counter))
      return undefined;
    return this.counted(counter) ? named : undefined;
  }

  /** `waited += step`, `waited++`, `++waited`: the name is counted up (scanned once per name). */
  private counted(name: string): boolean {
    const known = this.counters.get(name);
    if (known !== undefined) return known;
    const escaped = name.replace(/\$/g, "\\$");
    const pattern = new RegExp(`(?<![\\w$.])${escaped}\\s*(?:\\+=|\\+\\+)|\\+\\+\\s*${escaped}(?![\\w$])`);
    const counted = pattern.test(this.source);
    this.counters.set(name, counted);
    return counted;
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
