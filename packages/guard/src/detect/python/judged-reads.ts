// The reads of one name in one scope, each judged once per file however many definitions of the name ask about them.
// A file of n `self.timeout = 0` lines asked, for each line, about every read of `timeout` in the file (12,000 lines:
// 113 s); now each read is judged at most once, and each question costs a comparison.
import type { PyFacts } from "./facts.ts";

/** How a read counts: bounds no wait (`use`), says nothing (`skip`: an assignment's target, a test), or may wait. */
export type ReadVerdict = "use" | "skip" | "wait";

// The first and last offsets of the reads judged `use` (or `wait`) so far.
type Span = { first: number; last: number };

class JudgedReads {
  // How many of `reads` are judged, in order: a question stops at the first `wait` outside its definition, as the
  // single walk it replaces did.
  private judged = 0;
  private readonly uses: Span = { first: Infinity, last: -Infinity };
  private readonly waits: Span = { first: Infinity, last: -Infinity };

  constructor(
    private readonly reads: readonly number[],
    private readonly judge: (at: number) => ReadVerdict,
  ) {}

  // No read outside [start, end) may wait, and at least one there is a use. The reads are in ascending order, so a
  // span of them lies within [start, end) exactly when its first and last do.
  noWaitOutside(start: number, end: number): boolean {
    const outside = (span: Span) => span.first < start || span.last >= end;
    while (!outside(this.waits) && this.judged < this.reads.length) {
      const at = this.reads[this.judged++]!;
      const verdict = this.judge(at);
      if (verdict === "skip") continue;
      const span = verdict === "use" ? this.uses : this.waits;
      span.first = Math.min(span.first, at);
      span.last = Math.max(span.last, at);
    }
    return !outside(this.waits) && outside(this.uses);
  }
}

const FILES = new WeakMap<PyFacts, Map<string, JudgedReads>>();

/**
 * Whether every read at `reads` (ascending offsets) outside [start, end) is a `use` or a `skip` by `judge`, with at
 * least one `use`. `key` names the reads and the judgement (the same key must mean the same reads and judge).
 */
export function noWaitOutside(
  facts: PyFacts,
  key: string,
  reads: () => readonly number[],
  judge: (at: number) => ReadVerdict,
  start: number,
  end: number,
): boolean {
  let file = FILES.get(facts);
  if (!file) FILES.set(facts, (file = new Map()));
  let judged = file.get(key);
  if (!judged) file.set(key, (judged = new JudgedReads(reads(), judge)));
  return judged.noWaitOutside(start, end);
}
