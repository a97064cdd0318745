import { ENVIRONMENTS, loadConfig } from "@org/config";
import { html } from "./markdown.ts";

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the drawing needs of a region of `@org/config`'s topology. */
export interface DrawnRegion {
  id: string;
  geo: string;
  clusters: readonly { id: string }[];
}

export interface TopologyLayout {
  width: number;
  height: number;
  source: Box;
  regions: { id: string; label: string; box: Box; clusters: { id: string; box: Box }[] }[];
}

const CLUSTER = { minWidth: 128, height: 40, gap: 12, pad: 10 };
const REGION_PAD = 14;
const REGION_LABEL = 24;
const GAP = 28;
const SOURCE = { width: 260, height: 44 };
/**
 * Upper estimates of a character's width in the drawing's fonts (12 px monospace for cluster ids,
 * 14 px semibold for region labels): boxes grow with their text, so a long id never spills out.
 */
const CHAR = { cluster: 7.6, label: 9 };

/**
 * Regions per row of the wide drawing (desktop: two regions of two clusters fit the 688 px content
 * column unscaled) and of the narrow one (phones: one region a row fits a 390 px screen).
 */
export const PER_ROW = { wide: 2, narrow: 1 } as const;

/**
 * Places the regions on a grid of at most `perRow` per row, each box as wide as its clusters and its
 * label need; the drawing grows by rows, so any number of regions (and clusters per region) fits
 * without overlap.
 */
export function layoutTopology(regions: readonly DrawnRegion[], perRow: number = PER_ROW.wide): TopologyLayout {
  const clusterWidth = Math.max(
    CLUSTER.minWidth,
    ...regions.flatMap((r) => r.clusters.map((c) => Math.ceil(c.id.length * CHAR.cluster) + CLUSTER.pad * 2)),
  );
  const label = (region: (typeof regions)[number]) => `${region.geo}: ${region.id}`;
  const regionWidth = (region: (typeof regions)[number]) => {
    const clusters = region.clusters.length;
    return Math.max(
      REGION_PAD * 2 + Math.max(1, clusters) * clusterWidth + Math.max(0, clusters - 1) * CLUSTER.gap,
      REGION_PAD * 2 + Math.ceil(label(region).length * CHAR.label),
    );
  };
  const rowHeight = REGION_LABEL + REGION_PAD * 2 + CLUSTER.height;
  const rows: (typeof regions)[number][][] = [];
  regions.forEach((region, i) => (rows[Math.floor(i / perRow)] ??= []).push(region));
  const rowWidths = rows.map((row) => row.reduce((w, r) => w + regionWidth(r), 0) + (row.length - 1) * GAP);
  const width = Math.max(SOURCE.width, ...rowWidths) + GAP * 2;
  const firstRowY = SOURCE.height + GAP * 3;
  const laidOut: TopologyLayout["regions"] = [];
  rows.forEach((row, r) => {
    let x = (width - rowWidths[r]!) / 2;
    const y = firstRowY + r * (rowHeight + GAP);
    for (const region of row) {
      const w = regionWidth(region);
      const clustersWidth =
        region.clusters.length * clusterWidth + Math.max(0, region.clusters.length - 1) * CLUSTER.gap;
      const clustersX = x + (w - clustersWidth) / 2;
      laidOut.push({
        id: region.id,
        label: label(region),
        box: { x, y, width: w, height: rowHeight },
        clusters: region.clusters.map((cluster, c) => ({
          id: cluster.id,
          box: {
            x: clustersX + c * (clusterWidth + CLUSTER.gap),
            y: y + REGION_LABEL + REGION_PAD,
            width: clusterWidth,
            height: CLUSTER.height,
          },
        })),
      });
      x += w + GAP;
    }
  });
  const height = firstRowY + rows.length * (rowHeight + GAP);
  return {
    width,
    height,
    source: { x: (width - SOURCE.width) / 2, y: GAP / 2, ...SOURCE },
    regions: laidOut,
  };
}

/**
 * The fan-out of one invalidation to every cluster, as an inline SVG with a text alternative; `variant`
 * picks the wide (two regions a row) or the narrow (one a row, for phones) arrangement.
 */
export function topologySvg(
  env: string,
  regions: readonly DrawnRegion[],
  variant: keyof typeof PER_ROW = "wide",
): string {
  const layout = layoutTopology(regions, PER_ROW[variant]);
  const id = `topology-${env}-${variant}`;
  const clusters = regions.reduce((n, r) => n + r.clusters.length, 0);
  const { source } = layout;
  const from = { x: source.x + source.width / 2, y: source.y + source.height };
  const parts: string[] = [
    `<rect class="org-topo-source" x="${source.x}" y="${source.y}" width="${source.width}" height="${source.height}" rx="8"/>`,
    `<text class="org-topo-source-text" x="${from.x}" y="${source.y + 28}" text-anchor="middle">cache.invalidate(key)</text>`,
  ];
  for (const region of layout.regions) {
    const { box } = region;
    parts.push(
      `<rect class="org-topo-region" x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="10"/>`,
      `<text class="org-topo-label" x="${box.x + box.width / 2}" y="${box.y + 18}" text-anchor="middle">${html(region.label)}</text>`,
    );
    for (const cluster of region.clusters) {
      const c = cluster.box;
      parts.push(
        `<line class="org-topo-edge" x1="${from.x}" y1="${from.y}" x2="${c.x + c.width / 2}" y2="${c.y - 2}" marker-end="url(#${id}-arrow)"/>`,
        `<rect class="org-topo-cluster" x="${c.x}" y="${c.y}" width="${c.width}" height="${c.height}" rx="6"/>`,
        `<text class="org-topo-cluster-text" x="${c.x + c.width / 2}" y="${c.y + 25}" text-anchor="middle">${html(cluster.id)}</text>`,
      );
    }
  }
  const description = regions.map((r) => `${r.id} (${r.geo}): ${r.clusters.map((c) => c.id).join(" and ")}`).join("; ");
  return [
    `<svg class="org-topology-svg org-topology-${variant}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" role="img" aria-labelledby="${id}-title ${id}-desc" data-regions="${regions.length}">`,
    `<title id="${id}-title">${html(env)} topology: ${regions.length} regions, ${clusters} Redis clusters</title>`,
    `<desc id="${id}-desc">One invalidation fans out from cache.invalidate to every cluster: ${html(description)}.</desc>`,
    `<defs><marker id="${id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="org-topo-arrow" d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>`,
    ...parts,
    `</svg>`,
  ].join("");
}

/** One section per environment: the drawing and the clusters with their (redacted) URLs. */
export function topologyPage(): string {
  const sections = ENVIRONMENTS.map((env) => {
    const { regions, cache } = loadConfig({ env: { ORG_ENV: env } });
    const clusters = regions.reduce((n, r) => n + r.clusters.length, 0);
    const rows = regions.flatMap((region) =>
      region.clusters.map(
        (cluster) =>
          `<tr><td>${html(region.geo)}</td><td><code>${html(region.id)}</code></td><td><code>${html(cluster.id)}</code></td><td class="org-url"><code>${html(cluster.url)}</code></td></tr>`,
      ),
    );
    return [
      `## ${env} {#${env}}`,
      "",
      `${regions.length} regions, ${clusters} Redis clusters; each cluster answers within \`cache.opTimeoutMs\` = ${cache.opTimeoutMs} ms or is reported \`queued\`.`,
      "",
      `<figure class="org-topology" data-env="${env}">${topologySvg(env, regions, "wide")}${topologySvg(env, regions, "narrow")}</figure>`,
      "",
      `<table class="org-topology-clusters" data-env="${env}">`,
      `<caption>Clusters of the ${env} topology (credentials redacted)</caption>`,
      `<thead><tr><th scope="col">Geo</th><th scope="col">Region</th><th scope="col">Cluster</th><th scope="col">URL</th></tr></thead>`,
      `<tbody>${rows.join("")}</tbody>`,
      `</table>`,
      "",
    ].join("\n");
  });
  return [
    "---",
    "title: Region topology",
    "---",
    "",
    "# Region topology",
    "",
    "Drawn from `@org/config`'s topology of each environment when the site is built. Every invalidation fans",
    "out from `cache.invalidate()` to every cluster of every region, in parallel; a cluster that does not",
    "answer in time is reported `queued` and receives the invalidation later from the outbox",
    "([why not Pub/Sub](/design/invalidation-broadcast)).",
    "",
    ...sections,
    "Override the topology of a deployment with `ORG_REGIONS` or the config file; see the",
    "[configuration reference](/reference/config#regions).",
  ].join("\n");
}
