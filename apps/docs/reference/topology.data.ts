import { loadConfig } from "@org/config";

// Drawn at build time from the default topology of @org/config: regions, their clusters, and the
// fan-out of one invalidation to every cluster.
export default {
  load() {
    const { regions } = loadConfig({ env: { ORG_ENV: "prod" } });
    const width = 780;
    const regionWidth = 236;
    const gap = (width - regions.length * regionWidth) / (regions.length + 1);
    const top = 150;
    const clusterWidth = 108;
    const parts: string[] = [];
    const clusterCount = regions.reduce((n, r) => n + r.clusters.length, 0);
    parts.push(
      `<rect x="${width / 2 - 150}" y="16" width="300" height="46" rx="8" fill="#1f6feb"/>`,
      `<text x="${width / 2}" y="45" text-anchor="middle" font-size="16" fill="#ffffff" font-family="sans-serif">cache.invalidate(key)</text>`,
    );
    regions.forEach((region, r) => {
      const x = gap + r * (regionWidth + gap);
      const inner = (regionWidth - region.clusters.length * clusterWidth) / (region.clusters.length + 1);
      parts.push(
        `<text x="${x + regionWidth / 2}" y="${top - 10}" text-anchor="middle" font-size="15" font-weight="bold" fill="#1f2328" font-family="sans-serif">${region.geo}: ${region.id}</text>`,
        `<rect x="${x}" y="${top}" width="${regionWidth}" height="76" rx="10" fill="#f6f8fa" stroke="#57606a"/>`,
      );
      region.clusters.forEach((cluster, c) => {
        const cx = x + inner + c * (clusterWidth + inner);
        const cy = top + 18;
        parts.push(
          `<line x1="${width / 2}" y1="62" x2="${cx + clusterWidth / 2}" y2="${cy - 2}" stroke="#1f6feb" stroke-width="1.5" marker-end="url(#arrow)"/>`,
          `<rect x="${cx}" y="${cy}" width="${clusterWidth}" height="40" rx="6" fill="#ffffff" stroke="#1f6feb"/>`,
          `<text x="${cx + clusterWidth / 2}" y="${cy + 25}" text-anchor="middle" font-size="10" fill="#1f2328" font-family="monospace">${cluster.id}</text>`,
        );
      });
    });
    const height = top + 96;
    const svg = [
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="topology-title topology-desc" style="max-width:100%;height:auto">`,
      `<title id="topology-title">Region topology: ${regions.length} regions, ${clusterCount} Redis clusters</title>`,
      `<desc id="topology-desc">One invalidation fans out from cache.invalidate to every cluster: ${regions
        .map((r) => `${r.id} (${r.geo}): ${r.clusters.map((c) => c.id).join(" and ")}`)
        .join("; ")}.</desc>`,
      `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#1f6feb"/></marker></defs>`,
      ...parts,
      `</svg>`,
    ].join("\n");
    return { svg, regions: regions.map((r) => ({ id: r.id, geo: r.geo, clusters: r.clusters.map((c) => c.id) })) };
  },
};
