import { describe, expect, it } from "vitest";
import { layoutTopology, type Box } from "../.vitepress/generate/topology.ts";

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

function regions(count: number, clusters = 2) {
  return Array.from({ length: count }, (_, r) => ({
    id: `region-${r}`,
    geo: `G${r}`,
    clusters: Array.from({ length: clusters }, (_, c) => ({ id: `region-${r}-${c}` })),
  }));
}

describe("the topology drawing", () => {
  it.each([1, 3, 4, 7])("places %i regions without overlap, inside the drawing", (count) => {
    const layout = layoutTopology(regions(count) as never);
    const canvas = { x: 0, y: 0, width: layout.width, height: layout.height };
    const boxes = [layout.source, ...layout.regions.map((r) => r.box)];
    for (const [i, a] of boxes.entries()) {
      expect(inside(a, canvas)).toBe(true);
      for (const b of boxes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    }
    for (const region of layout.regions)
      for (const cluster of region.clusters) expect(inside(cluster.box, region.box)).toBe(true);
  });

  it("grows in height, not in width, from the fourth region on", () => {
    const three = layoutTopology(regions(3) as never);
    const four = layoutTopology(regions(4) as never);
    expect(four.width).toBe(three.width);
    expect(four.height).toBeGreaterThan(three.height);
  });
});
