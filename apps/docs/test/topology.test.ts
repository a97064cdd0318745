import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { layoutTopology, PER_ROW, topologySvg, type Box } from "../.vitepress/generate/topology.ts";
import { canRun, connect, hydrated } from "./site.ts";

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

/** A generated topology: `count` regions named like the real ones, `clusters` each. */
function regions(count: number, clusters = 2) {
  const geos = ["US", "EU", "APAC", "SA", "ME", "AF", "CA"];
  const ids = ["us-east-1", "eu-west-1", "ap-southeast-1", "sa-east-1", "me-central-1", "af-south-1", "ca-central-1"];
  return Array.from({ length: count }, (_, r) => ({
    id: ids[r % ids.length]!,
    geo: geos[r % geos.length]!,
    clusters: Array.from({ length: clusters }, (_, c) => ({ id: `${ids[r % ids.length]}-${"abc"[c]}` })),
  }));
}

describe("the topology drawing", () => {
  describe.each(Object.entries(PER_ROW))("%s (%i regions a row)", (_, perRow) => {
    it.each([1, 3, 4, 7])("places %i regions without overlap, inside the drawing", (count) => {
      const layout = layoutTopology(regions(count), perRow);
      const canvas = { x: 0, y: 0, width: layout.width, height: layout.height };
      const boxes = [layout.source, ...layout.regions.map((r) => r.box)];
      for (const [i, a] of boxes.entries()) {
        expect(inside(a, canvas)).toBe(true);
        for (const b of boxes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
      }
      for (const region of layout.regions)
        for (const cluster of region.clusters) expect(inside(cluster.box, region.box)).toBe(true);
    });

    it("grows in height, not in width, when a region no longer fits the row", () => {
      // Regions of one shape, so only their number differs.
      const alike = (count: number) =>
        Array.from({ length: count }, (_, r) => ({
          id: `region-${r}`,
          geo: `G${r}`,
          clusters: [{ id: `region-${r}-a` }, { id: `region-${r}-b` }],
        }));
      const full = layoutTopology(alike(perRow), perRow);
      const more = layoutTopology(alike(perRow + 1), perRow);
      expect(more.width).toBe(full.width);
      expect(more.height).toBeGreaterThan(full.height);
    });
  });

  it("widens cluster and region boxes for long ids and labels", () => {
    const long = [
      { id: "ap-southeast-2", geo: "APAC", clusters: [{ id: "ap-southeast-2-primary-cache" }] },
      { id: "eu-central-2", geo: "EU", clusters: [{ id: "eu-central-2-a" }] },
    ];
    const layout = layoutTopology(long);
    const [first, second] = layout.regions;
    expect(first!.clusters[0]!.box.width).toBeGreaterThan("ap-southeast-2-primary-cache".length * 7);
    // One cluster, but the label "EU: eu-central-2" still fits its region.
    expect(second!.box.width).toBeGreaterThan("EU: eu-central-2".length * 8);
  });
});

/**
 * What is wrong with the topology drawings on the page, measured from rendered boxes: boxes that
 * overlap, clusters outside their region, text outside its box or too small to read, drawings wider
 * than their figure.
 */
function drawingProblems(page: Page): Promise<string[]> {
  return page.$$eval("figure.org-topology svg", (svgs) =>
    svgs.flatMap((svg) => {
      const problems: string[] = [];
      const box = svg.getBoundingClientRect();
      if (box.width === 0) return []; // the other variant, hidden at this width
      const name = svg.querySelector("title")?.textContent ?? "drawing";
      const figure = svg.closest("figure")!.getBoundingClientRect();
      if (box.left < figure.left - 0.5 || box.right > figure.right + 0.5)
        problems.push(`${name}: ${Math.round(box.width)} px wide in a ${Math.round(figure.width)} px figure`);
      const rect = (el: Element) => el.getBoundingClientRect();
      const within = (a: DOMRect, b: DOMRect) =>
        a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
      const overlap = (a: DOMRect, b: DOMRect) =>
        a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      const big = [...svg.querySelectorAll("rect.org-topo-source, rect.org-topo-region")];
      big.forEach((a, i) =>
        big.slice(i + 1).forEach((b) => {
          if (overlap(rect(a), rect(b))) problems.push(`${name}: two boxes overlap`);
        }),
      );
      const regions = [...svg.querySelectorAll("rect.org-topo-region")];
      for (const cluster of svg.querySelectorAll("rect.org-topo-cluster"))
        if (!regions.some((region) => within(rect(cluster), rect(region))))
          problems.push(`${name}: a cluster box lies outside every region box`);
      // Each label follows the box it names (edges may sit between them).
      const scale = box.width / (svg as SVGSVGElement).viewBox.baseVal.width;
      for (const text of svg.querySelectorAll("text")) {
        let owner = text.previousElementSibling;
        while (owner && owner.tagName !== "rect") owner = owner.previousElementSibling;
        if (owner && !within(rect(text), rect(owner)))
          problems.push(`${name}: "${text.textContent}" does not fit its box`);
        const px = parseFloat(getComputedStyle(text).fontSize) * scale;
        if (px < 10) problems.push(`${name}: "${text.textContent}" is drawn at ${px.toFixed(1)} px`);
      }
      return problems;
    }),
  );
}

describe.skipIf(!canRun)("the topology drawings in Chromium", () => {
  let browser: Browser;
  let base: string;
  beforeAll(async () => ({ browser, base } = await connect()));
  afterAll(async () => browser?.close());

  it.each([1280, 390])(
    "at %i px: each environment's drawing, and a generated four-region one, fit without overlap",
    async (width) => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${base}/reference/topology`);
      await hydrated(page);
      expect(await page.locator("figure.org-topology").count()).toBe(3);
      expect(await drawingProblems(page)).toEqual([]);
      // A fourth region, drawn by the same generator with the site's styles, in place of prod's drawing.
      const four = regions(4);
      await page
        .locator('figure.org-topology[data-env="prod"]')
        .evaluate(
          (figure, svgs) => (figure.innerHTML = svgs),
          topologySvg("four", four, "wide") + topologySvg("four", four, "narrow"),
        );
      const shown = page.locator('figure.org-topology[data-env="prod"] svg:visible');
      expect(await shown.getAttribute("data-regions")).toBe("4");
      expect(await shown.locator("rect.org-topo-region").count()).toBe(4);
      expect(await drawingProblems(page)).toEqual([]);
      await context.close();
    },
  );

  it("reports a drawing whose boxes overlap, whose label spills out or whose text is too small", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/reference/topology`);
    await hydrated(page);
    await page
      .locator('figure.org-topology[data-env="prod"]')
      .evaluate(
        (figure) =>
          (figure.innerHTML = [
            '<svg class="org-topology-svg org-topology-wide" viewBox="0 0 2400 300" width="2400" role="img">',
            "<title>broken</title>",
            '<rect class="org-topo-region" x="0" y="0" width="300" height="100"/>',
            '<text class="org-topo-label" x="10" y="20">a region label far wider than the box it names</text>',
            '<rect class="org-topo-region" x="200" y="50" width="300" height="100"/>',
            "</svg>",
          ].join("")),
      );
    const problems = (await drawingProblems(page)).join("\n");
    expect(problems).toContain("two boxes overlap");
    expect(problems).toContain("does not fit its box");
    expect(problems).toMatch(/is drawn at \d/);
    await context.close();
  });
});
