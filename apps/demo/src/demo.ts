import { config, ENVIRONMENTS, loadConfig, toTable, type Topology } from "@org/config";
import { createRegionalCache, type RegionalCacheOptions } from "@org/cache-client";
import { findRedisServer, memoryRegions, startLocalRegions } from "@org/cache-client/testing";
import { createHttpClient } from "@org/http";
import { auditDemo } from "./audit.ts";
import { pythonPart } from "./python.ts";

const say = (line = "") => process.stdout.write(`${line}\n`);

// Part 1: what `import { config } from "@org/config"` resolves to in each environment, and what an
// HTTP client built on it does: the answer to "why did this pass locally and fail in staging?".
say("@org demo: one source of timeouts and topology for every environment");
for (const env of ENVIRONMENTS) {
  const resolved = loadConfig({ env: { ORG_ENV: env } });
  const http = createHttpClient({ config: resolved });
  say();
  say(`== ORG_ENV=${env} ==`);
  for (const line of toTable(resolved)) say(`  ${line}`);
  say(
    `  http client: ${http.settings.timeoutMs} ms per attempt, ${http.settings.retries} retries with full-jitter backoff, retrying ${http.settings.retryMethods.join("/")}`,
  );
}

// Part 2: revoke an API key while APAC is cut off, and watch the invalidation reach it after healing.
say();
say("== Revoking an API key with APAC partitioned ==");
const redisServer = findRedisServer();
let topology: Topology;
let partition: (id: string) => void;
let heal: (id: string) => void;
let stop = async () => {};
let createStore: RegionalCacheOptions["createStore"];
if (redisServer) {
  const local = await startLocalRegions({ redisServer });
  ({ topology, partition, heal } = local);
  stop = local.stop;
  say(`driver: six real redis-server processes on loopback (${redisServer})`);
} else {
  topology = config.topology;
  const memory = memoryRegions(topology);
  ({ partition, heal, createStore } = memory);
  say("driver: IN-MEMORY STAND-IN (redis-server is not installed; apt-get install redis-server for the real thing)");
}

const options = { topology, opTimeoutMs: config.cache.opTimeoutMs, ...(createStore ? { createStore } : {}) };
const us = createRegionalCache({ ...options, localRegion: "us-east-1" });
const apac = createRegionalCache({ ...options, localRegion: "ap-southeast-1" });
const key = "api_key:42:status";
try {
  await us.set(key, "active");
  await apac.set(key, "active");
  say(`cached "${key}" = "active" in us-east-1 and ap-southeast-1`);
  const apacClusters = topology.regions.find((r) => r.id === "ap-southeast-1")!.clusters.map((c) => c.id);
  for (const id of apacClusters) partition(id);
  say(`partitioned ${apacClusters.join(", ")} (they stop answering)`);

  const started = performance.now();
  const report = await us.invalidate(key);
  say(
    `invalidate("${key}") from us-east-1 answered in ${Math.round(performance.now() - started)} ms (opTimeoutMs ${config.cache.opTimeoutMs}):`,
  );
  for (const region of topology.regions) {
    for (const cluster of region.clusters) {
      const state = report.delivered.includes(cluster.id) ? "delivered" : "QUEUED";
      say(`  ${region.id.padEnd(16)} ${cluster.id.padEnd(20)} ${state}`);
    }
  }
  say(`  complete: ${report.complete}, durable (in ${report.delivered.length} outboxes): ${report.durable}`);

  for (const id of apacClusters) heal(id);
  const healed = performance.now();
  say(`healed ${apacClusters.join(", ")}; waiting for delivery...`);
  const deliveries: string[] = [];
  us.on("delivered", (event) =>
    deliveries.push(`  delivered to ${event.clusterId} ${event.lagMs} ms after the revocation`),
  );
  for (let round = 0; round < 40 && us.metrics().some((m) => m.queueDepth > 0); round++) await us.deliverQueued();
  for (const line of deliveries) say(line);
  say(`all clusters up to date ${Math.round(performance.now() - healed)} ms after healing`);
  say(`ap-southeast-1 now reads "${key}" as: ${JSON.stringify((await apac.get(key)) ?? "miss (revoked)")}`);
} finally {
  await us.close();
  await apac.close();
  await stop();
}
await auditDemo(say);
await pythonPart(say);
say();
say("Override with ORG_TIMEOUT_MS, ORG_REGIONS or ORG_CONFIG_FILE; check a deployment with `org-config validate`.");
