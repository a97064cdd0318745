import { config, ENVIRONMENTS, loadConfig, toTable, type Topology } from "@org/config";
import { createRegionalCache, type RegionalCacheOptions } from "@org/cache-client";
import {
  createRegionalCacheOnStores,
  findRedisServer,
  memoryRegions,
  startLocalRegions,
  type CreateStore,
} from "@org/cache-client/testing";
import { createHttpClient } from "@org/http";
import { auditDemo } from "./audit.ts";
import { pythonPart } from "./python.ts";
import { flakyDemo } from "./flaky.ts";
import { guardDemo } from "./guard.ts";

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
    `  http client: ${http.settings.timeoutMs} ms per attempt (body included), at most ${http.settings.deadlineMs} ms per call (timeouts.call; a test gets ${resolved.timeouts.test}), ${http.settings.retries} retries with full-jitter backoff, retrying ${http.settings.retryMethods.join("/")}`,
  );
}

await guardDemo(say);

// Part 3: revoke an API key while APAC is cut off, and watch the invalidation reach it after healing.
say();
say("== Revoking an API key with APAC partitioned ==");
const redisServer = findRedisServer();
let topology: Topology;
let partition: (id: string) => void;
let heal: (id: string) => void;
let stop = async () => {};
let createStore: CreateStore | undefined;
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

const open = (localRegion: string) => {
  const options: RegionalCacheOptions = { topology, opTimeoutMs: config.cache.opTimeoutMs, localRegion };
  return createStore ? createRegionalCacheOnStores(options, createStore) : createRegionalCache(options);
};
const us = open("us-east-1");
const apac = open("ap-southeast-1");
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
  say(
    `  complete: ${report.complete}; durable: ${report.durable} (recorded in the outboxes of ${report.delivered.length} clusters in two regions or more)`,
  );

  for (const id of apacClusters) heal(id);
  const healed = performance.now();
  say(`healed ${apacClusters.join(", ")}; waiting for delivery...`);
  // Fail-closed: APAC serves the key only once every outbox has been swept for its clusters.
  let revoked = false;
  for (let round = 0; round < 40 && !revoked; round++) {
    await Promise.all([us.deliverQueued(), apac.deliverQueued()]);
    revoked = (await apac.get(key, { failClosed: true })) === undefined && (await apac.get(key)) === undefined;
  }
  say(`ap-southeast-1 up to date ${Math.round(performance.now() - healed)} ms after healing`);
  say(`ap-southeast-1 now reads "${key}" as: ${JSON.stringify((await apac.get(key)) ?? "miss (revoked)")}`);
} finally {
  await us.close();
  await apac.close();
  await stop();
}
await auditDemo(say);
await pythonPart(say);
await flakyDemo(say);
say();
say("Override with ORG_TIMEOUT_MS, ORG_REGIONS or ORG_CONFIG_FILE; check a deployment with `org-config validate`.");
