import { describe, expect, it } from "vitest";
import { SpanTree } from "../src/detect/javascript/function-spans.ts";

type Span = { from: number; to: number; id: number };

// Nested-or-disjoint spans, as functions of a file are: each child inside its parent, siblings one after another.
function nested(seed: number, count: number): Span[] {
  let state = seed;
  const random = (n: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31), state % n);
  const out: Span[] = [];
  const grow = (from: number, to: number, depth: number) => {
    let at = from + 1 + random(3);
    while (out.length < count && at + 4 < to && depth < 12) {
      const end = Math.min(to - 1, at + 4 + random(Math.max(1, (to - at) >> 1)));
      const span = { from: at, to: end, id: out.length };
      out.push(span);
      grow(span.from, span.to, depth + 1);
      at = end + random(3);
    }
  };
  grow(0, 100_000, 0);
  return out;
}

describe("SpanTree: the spans around an offset", () => {
  it("answers as the filter of the whole list would, innermost first, at every offset", () => {
    for (const seed of [1, 7, 42]) {
      const spans = nested(seed, 400);
      const tree = new SpanTree(spans);
      const last = spans.reduce((n, s) => Math.max(n, s.to), 0);
      for (let at = 0; at <= last + 1; at += 13) {
        const filtered = spans.filter(({ from, to }) => from < at && at < to).reverse();
        expect(tree.around(at).map((s) => s.id)).toEqual(filtered.map((s) => s.id));
      }
    }
  });

  it("takes its spans in any order (pre-order is not assumed)", () => {
    const spans = nested(3, 200);
    const shuffled = [...spans].reverse();
    const tree = new SpanTree(shuffled);
    for (let at = 0; at < 5_000; at += 7) {
      const filtered = spans.filter(({ from, to }) => from < at && at < to).reverse();
      expect(tree.around(at).map((s) => s.id)).toEqual(filtered.map((s) => s.id));
    }
  });

  it("an offset on a span's edge is outside it (both ends)", () => {
    const tree = new SpanTree([{ from: 10, to: 20 }]);
    expect(tree.around(10)).toEqual([]);
    expect(tree.around(20)).toEqual([]);
    expect(tree.around(11)).toEqual([{ from: 10, to: 20 }]);
  });
});
