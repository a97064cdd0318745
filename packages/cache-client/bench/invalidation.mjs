#!/usr/bin/env node
// @org/cache-client against its named baselines, in one run, on six local redis-server processes
// (after `pnpm build`; needs redis-server):
//  1. one invalidation: createRegionalCache().invalidate(key) vs a naive loop awaiting DEL on each
//     cluster in turn, with APAC behind a loopback proxy that adds latency (the slowest cluster);
//  2. batched throughput: invalidate(100 keys) vs the naive loop, in keys per second;
//  3. get: cache.get(key) vs the raw ioredis client's GET of the same key on the same cluster.
// Usage: node bench/invalidation.mjs [apacLatencyMs=5]
import { config } from "@org/config";
import { Redis } from "ioredis";
import { createRegionalCache } from "../dist/index.js";
import { startFaultProxy, startLocalRegions } from "../dist/testing.js";

const apacLatencyMs = Number(process.argv[2] ?? 5);
const local = await startLocalRegions();
const proxy = await startFaultProxy(local.port("ap-southeast-1-a"), { latencyMs: apacLatencyMs });
const topology = {
  regions: local.topology.regions.map((region) => ({
    ...region,
    clusters: region.clusters.map((c) =>
      c.id === "ap-southeast-1-a" ? { ...c, url: `redis://127.0.0.1:${proxy.port}` } : c,
    ),
  })),
};
const urls = topology.regions.flatMap((r) => r.clusters.map((c) => c.url));
const raw = urls.map((url) => new Redis(url, { maxRetriesPerRequest: 0 }));
const cache = createRegionalCache({ topology, localRegion: "us-east-1", opTimeoutMs: config.cache.opTimeoutMs });
await cache.set("warm", 1);
await Promise.all(raw.map((r) => r.ping()));

const median = (xs) => xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(fn) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

// 1. Latency of one invalidation, and the slowest cluster's round trip for scale.
const single = { ours: [], naive: [], slowestPing: [] };
for (let i = 0; i < 50; i++) {
  single.ours.push(await time(() => cache.invalidate(`one:${i}`)));
  single.naive.push(
    await time(async () => {
      for (const client of raw) await client.del(`org:cache:{one:${i}}`);
    }),
  );
  single.slowestPing.push(Math.max(...(await Promise.all(raw.map((r) => time(() => r.ping()))))));
}

// 2. Throughput on 2,000 keys: batches of 100 vs one DEL per key per cluster.
const keys = Array.from({ length: 2000 }, (_, i) => `bulk:${i}`);
const oursBulk = await time(async () => {
  for (let i = 0; i < keys.length; i += 100) await cache.invalidate(keys.slice(i, i + 100));
});
const naiveBulk = await time(async () => {
  for (const key of keys) for (const client of raw) await client.del(`org:cache:{${key}}`);
});

// 3. get overhead on the first local cluster.
const local0 = raw[0];
await cache.set("hot", { status: "active" });
const reads = { ours: [], raw: [] };
for (let block = 0; block < 20; block++) {
  reads.ours.push(
    await time(async () => {
      for (let i = 0; i < 250; i++) await cache.get("hot");
    }),
  );
  reads.raw.push(
    await time(async () => {
      for (let i = 0; i < 250; i++) JSON.parse(await local0.get("org:cache:{hot}"));
    }),
  );
}

const m = (xs) => median(xs);
console.log(`six local redis-server, APAC-a behind +${apacLatencyMs} ms proxy; medians`);
console.log(
  `one invalidation: ours ${m(single.ours).toFixed(2)} ms, naive sequential DEL ${m(single.naive).toFixed(2)} ms, slowest cluster PING ${m(single.slowestPing).toFixed(2)} ms`,
);
console.log(
  `  ours / slowest round trip = ${(m(single.ours) / m(single.slowestPing)).toFixed(2)}x (goal: about 1x); naive / ours = ${(m(single.naive) / m(single.ours)).toFixed(1)}x`,
);
const oursRate = keys.length / (oursBulk / 1000);
const naiveRate = keys.length / (naiveBulk / 1000);
console.log(
  `batched throughput: ours ${oursRate.toFixed(0)} keys/s, naive ${naiveRate.toFixed(0)} keys/s = ${(oursRate / naiveRate).toFixed(1)}x (goal >= 5x)`,
);
console.log(
  `get: ours ${((m(reads.ours) / 250) * 1000).toFixed(1)} us, raw GET ${((m(reads.raw) / 250) * 1000).toFixed(1)} us = +${((m(reads.ours) / m(reads.raw) - 1) * 100).toFixed(1)}% (goal <= 10%)`,
);

await cache.close();
for (const r of raw) r.disconnect();
await proxy.close();
await local.stop();
