// The functions around an offset, from the spans of every function in document order (pre-order).

/** [start, end) of the innermost function in `spans` (pre-order: sorted by start) around `at`; none at the top level. */
export function innermostFunction(spans: readonly [number, number][], at: number): [number, number] | undefined {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid]![0] < at) low = mid + 1;
    else high = mid;
  }
  for (let i = low - 1; i >= 0; i--) if (at < spans[i]![1]) return spans[i]!;
  return undefined;
}

/**
 * The functions around an offset, innermost first, for many offsets: the `from < at && at < to` filter of a whole
 * list, asked once per timer, made every timer cost the file's function count (a one-line bundle of 8,000 timers in
 * 8,000 functions: quadratic). Function spans nest or are disjoint; each knows the span that contains it, so a question
 * costs a binary search and the nesting depth.
 */
export class SpanTree<T extends { from: number; to: number }> {
  /** The items by start, outer first where two start together (the document order of nested functions). */
  private readonly order: T[];
  /** For each item of `order`, the index of the innermost item containing it, or -1. */
  private readonly parents: number[];

  constructor(items: readonly T[]) {
    this.order = [...items].sort((a, b) => a.from - b.from || b.to - a.to);
    const stack: number[] = [];
    this.parents = this.order.map(({ from }, index) => {
      while (stack.length > 0 && this.order[stack.at(-1)!]!.to <= from) stack.pop();
      const parent = stack.at(-1) ?? -1;
      stack.push(index);
      return parent;
    });
  }

  /** The items with `from < at < to`, innermost first. */
  around(at: number): T[] {
    let low = 0;
    let high = this.order.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.order[mid]!.from < at) low = mid + 1;
      else high = mid;
    }
    // The last item starting before `at` is inside every item around `at`: climb to the first that reaches past it.
    let index = low - 1;
    while (index >= 0 && this.order[index]!.to <= at) index = this.parents[index]!;
    const out: T[] = [];
    for (; index >= 0; index = this.parents[index]!) out.push(this.order[index]!);
    return out;
  }
}
