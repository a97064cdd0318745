// Cutoff dates built from a timeout: `new Date(now.getTime() - (input.claimTimeoutMs ?? 6e4))` (@mastra/libsql's
// outbox claims), `const expired_ts = now.getTime() - lock_timeout; ... { $lte: new Date(expired_ts) }` (powersync's
// Mongo lock). The clock less a duration is a moment in the past: rows or locks older than it count as stale, so the
// duration is how long an entry lives (a lease or a lifetime), and nothing waits for it. A wait's deadline lies ahead
// (`new Date(Date.now() + timeout)`), and a poll's elapsed time is compared in code (`clock-deadlines.ts`).
import { type EsNode, isNode, referenceName, unwrap } from "./ast.ts";

/** `Date.now()`, `performance.now()`, `now.getTime()`, `new Date().getTime()`, `+new Date()`: the clock now. */
const NOW =
  /^(?:Date\.now\(\)|performance\.now\(\)|\+\s*new\s+Date\(\)|(?:new\s+Date\(\)|\w*now\w*)\.(?:getTime|valueOf)\(\)|\w*now\w*)$/i;

/** The cutoffs of one file: locals given the clock less a duration, read back where a date is built. */
export class AgeCutoffs {
  /** Per local name, the durations subtracted from the clock to give it (`const expired_ts = now.getTime() - t`). */
  private readonly locals = new Map<string, EsNode[]>();

  constructor(private readonly text: (node: EsNode) => string) {}

  /** `const expired_ts = now.getTime() - lock_timeout`: remembered until a date is built from it. */
  declarator(name: string, init: unknown): void {
    const duration = this.subtracted(init);
    if (duration) this.locals.set(name, [...(this.locals.get(name) ?? []), duration]);
  }

  /** `new Date(<now> - duration)`, `new Date(expired_ts)`: the durations the date lies in the past by. */
  newDate(node: EsNode): EsNode[] {
    if (referenceName(unwrap(node.callee as EsNode)) !== "Date") return [];
    const args = node.arguments as EsNode[];
    if (args.length !== 1) return [];
    const duration = this.subtracted(args[0]);
    if (duration) return [duration];
    const arg = unwrap(args[0]!);
    return arg.type === "Identifier" ? (this.locals.get(arg.name as string) ?? []) : [];
  }

  /** The duration of `<now> - duration`, else undefined. */
  private subtracted(raw: unknown): EsNode | undefined {
    if (!isNode(raw)) return undefined;
    const node = unwrap(raw);
    if (node.type !== "BinaryExpression" || node.operator !== "-") return undefined;
    return NOW.test(this.text(unwrap(node.left as EsNode)).trim()) ? (node.right as EsNode) : undefined;
  }
}

/**
 * The parts of a cutoff's duration that hold its value: the names read (`input.claimTimeoutMs`, `lock_timeout`) and
 * the fallbacks and literals written (`?? 6e4`), through parentheses, `??`/`||` and scaling (`x * 1000`).
 */
export function durationParts(raw: EsNode): { names: string[]; written: EsNode[] } {
  const names: string[] = [];
  const written: EsNode[] = [];
  const visit = (part: EsNode, depth: number): void => {
    const node = unwrap(part);
    const name = referenceName(node);
    if (name !== undefined) names.push(name);
    else if (node.type === "Literal") written.push(node);
    else if (depth < 4 && (node.type === "LogicalExpression" || node.type === "BinaryExpression")) {
      if (node.type === "LogicalExpression" || node.operator === "*") written.push(node);
      visit(node.left as EsNode, depth + 1);
      visit(node.right as EsNode, depth + 1);
    }
  };
  visit(raw, 0);
  return { names, written };
}
