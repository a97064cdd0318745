import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CacheError, createRegionalCache, type RegionalCache } from "../src/index.ts";
import {
  expectInvalidatedEverywhere,
  startFaultProxy,
  startLocalRegions,
  type LocalRegions,
} from "../src/testing/index.ts";
import { eventually, hasRedis, OP_TIMEOUT_MS, testConfig } from "./profile.ts";

let local: LocalRegions;
const caches: RegionalCache[] = [];
const open = (localRegion = "us-east-1", extra: Partial<Parameters<typeof createRegionalCache>[0]> = {}) => {
  const cache = createRegionalCache({
    topology: local.topology,
    localRegion,
    opTimeoutMs: OP_TIMEOUT_MS,
    maxTtlMs: testConfig.cache.maxTtlMs,
    ...extra,
  });
  caches.push(cache);
  return cache;
};
const raw = (clusterId: string) =>
  new Redis(local.port(clusterId), "127.0.0.1", { maxRetriesPerRequest: 0, lazyConnect: false });
async function withRawExists(clusterId: string, name: string) {
  const client = raw(clusterId);
  try {
    return await client.exists(name);
  } finally {
    client.disconnect();
  }
}
async function rawGet(clusterId: string, key: string) {
  const client = raw(clusterId);
  try {
    return await client.get(`org:cache:{${key}}`);
  } finally {
    client.disconnect();
  }
}
let n = 0;
const freshKey = () => `api_key:${++n}:${Date.now()}:status`;

describe.skipIf(!hasRedis)("regional cache on real redis-server processes", () => {
  beforeAll(async () => {
    local = await startLocalRegions();
  });
  afterEach(async () => {
    for (const id of local.clusterIds) local.heal(id);
    await Promise.all(caches.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await local?.stop();
  });

  it("fills both clusters of the local region only, and reads them back", async () => {
    const cache = open();
    const key = freshKey();
    expect(await cache.get(key)).toBeUndefined();
    expect((await cache.set(key, { status: "active" })).stored.sort()).toEqual(["us-east-1-a", "us-east-1-b"]);
    expect(await cache.get(key)).toEqual({ status: "active" });
    expect(await rawGet("us-east-1-b", key)).toBe('{"status":"active"}');
    expect(await rawGet("eu-west-1-a", key)).toBeNull();
  });

  it("reads from the second local cluster when the first hangs", async () => {
    const cache = open();
    const key = freshKey();
    await cache.set(key, 1);
    local.partition("us-east-1-a");
    expect(await cache.get(key)).toBe(1);
  });

  it("a healthy invalidation is complete, delivered to all six, and no cluster keeps the value", async () => {
    const us = open("us-east-1");
    const apac = open("ap-southeast-1");
    const key = freshKey();
    await us.set(key, "active");
    await apac.set(key, "active");
    const report = await us.invalidate(key);
    expect(report).toMatchObject({ complete: true, queued: [], durable: true });
    expect(report.delivered.sort()).toEqual([...local.clusterIds].sort());
    await expectInvalidatedEverywhere(local.topology, key);
    expect(await apac.get(key)).toBeUndefined();
  });

  it("with one cluster hung, answers with it queued and the other five delivered, then delivers after healing", async () => {
    const us = open("us-east-1");
    const apac = open("ap-southeast-1");
    const key = freshKey();
    await apac.set(key, "active");
    local.partition("ap-southeast-1-a");
    const report = await us.invalidate(key);
    expect(report.complete).toBe(false);
    expect(report.queued).toEqual(["ap-southeast-1-a"]);
    expect(report.delivered).toHaveLength(5);
    expect(report.reasons).toEqual({ "ap-southeast-1-a": "timeout" });
    expect(us.metrics().clusters.find((m) => m.id === "ap-southeast-1-a")).toMatchObject({
      healthy: false,
      state: "down",
      lastFailure: "timeout",
    });
    local.heal("ap-southeast-1-a");
    // (A SIGSTOPped server still has the command in its socket buffer and may run it on SIGCONT;
    // either way the relay confirms the applied marker.)
    await eventually(() => expectInvalidatedEverywhere(local.topology, key));
    await eventually(async () =>
      expect(us.metrics().clusters.find((m) => m.id === "ap-southeast-1-a")).toMatchObject({ queueDepth: 0 }),
    );
  });

  it("delivers a queued invalidation even when the process that queued it is killed", async () => {
    const key = freshKey();
    const apac = open("ap-southeast-1");
    await apac.set(key, "active");
    local.partition("ap-southeast-1-b");
    local.partition("ap-southeast-1-a");
    // Another process invalidates, prints its report and is SIGKILLed before it can deliver.
    const script = `
      import { createRegionalCache } from "@org/cache-client";
      const cache = createRegionalCache({ topology: ${JSON.stringify(local.topology)}, localRegion: "us-east-1", opTimeoutMs: ${OP_TIMEOUT_MS} });
      // Connections first (a cold connection on a loaded machine can take longer than opTimeoutMs,
      // which would queue every cluster): this test is about what survives the process, not start-up.
      for (let i = 0; i < 20 && (await cache.invalidate("warm-up")).delivered.length < 4; i++) {}
      const report = await cache.invalidate(${JSON.stringify(key)});
      process.stdout.write(JSON.stringify(report), () => process.kill(process.pid, "SIGKILL"));`;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      encoding: "utf8",
      timeout: testConfig.timeouts.test / 2,
    });
    expect(child.signal, child.stderr).toBe("SIGKILL");
    const report = JSON.parse(child.stdout);
    expect(report.queued.sort()).toEqual(["ap-southeast-1-a", "ap-southeast-1-b"]);
    expect(report.durable).toBe(true);
    local.heal("ap-southeast-1-a");
    local.heal("ap-southeast-1-b");
    // A fresh instance in another region finds it in an outbox and delivers it.
    const eu = open("eu-west-1");
    await eventually(() => expectInvalidatedEverywhere(local.topology, key));
    await eventually(async () => expect(eu.metrics().clusters.every((m) => m.queueDepth === 0)).toBe(true));
  });

  it("queues for a cluster that refuses connections and delivers once it is back", async () => {
    // Killed before the cache connects, so every attempt is refused; killing a connected cluster
    // first shows as a closed connection ("unavailable"), which is a different case.
    await local.kill("eu-west-1-b");
    const cache = open();
    const key = freshKey();
    const delivered: string[] = [];
    cache.on("delivered", (event) => delivered.push(`${event.clusterId} ${event.id}`));
    let id: string;
    try {
      const report = await cache.invalidate(key);
      expect(report.queued).toEqual(["eu-west-1-b"]);
      expect(report.reasons).toEqual({ "eu-west-1-b": "refused" });
      id = report.id;
    } finally {
      await local.restart("eu-west-1-b");
    }
    await eventually(async () => {
      const client = raw("eu-west-1-b");
      try {
        expect(await client.exists(`org:cache:applied:${id}`)).toBe(1);
        expect(cache.metrics().clusters.find((m) => m.id === "eu-west-1-b")!.queueDepth).toBe(0);
      } finally {
        client.disconnect();
      }
    });
    // The only instance is the relay, so the delivery event is its own.
    expect(delivered).toContain(`eu-west-1-b ${id!}`);
  });

  it("a cluster slower than opTimeoutMs (behind a latency proxy) is queued, the others delivered, then it catches up", async () => {
    const proxy = await startFaultProxy(local.port("eu-west-1-a"), { latencyMs: OP_TIMEOUT_MS * 2 });
    try {
      const topology = {
        regions: local.topology.regions.map((region) => ({
          ...region,
          clusters: region.clusters.map((c) =>
            c.id === "eu-west-1-a" ? { ...c, url: `redis://127.0.0.1:${proxy.port}` } : c,
          ),
        })),
      };
      const cache = createRegionalCache({ topology, localRegion: "us-east-1", opTimeoutMs: OP_TIMEOUT_MS });
      caches.push(cache);
      const key = freshKey();
      const report = await cache.invalidate(key);
      expect(report.queued).toEqual(["eu-west-1-a"]);
      expect(report.delivered).toHaveLength(5);
      proxy.slow({});
      await eventually(async () =>
        expect(cache.metrics().clusters.find((m) => m.id === "eu-west-1-a")!.queueDepth).toBe(0),
      );
      await expectInvalidatedEverywhere(local.topology, key);
    } finally {
      await proxy.close();
    }
  });

  it("never lets a fill whose data was read before an invalidation land after it", async () => {
    const cache = open();
    const key = freshKey();
    const lease = await cache.lease(key);
    await cache.invalidate(key);
    expect(await cache.set(key, "stale", { lease })).toEqual({ stored: [] });
    expect(await cache.get(key)).toBeUndefined();

    let invalidatedDuringLoad = false;
    const value = await cache.getOrSet(key, async () => {
      await cache.invalidate(key);
      invalidatedDuringLoad = true;
      return "read before the invalidation";
    });
    expect(invalidatedDuringLoad).toBe(true);
    expect(value).toBe("read before the invalidation");
    expect(await cache.get(key)).toBeUndefined();
    expect(await cache.getOrSet(key, () => "fresh")).toBe("fresh");
    expect(await cache.get(key)).toBe("fresh");
  });

  it("is harmless to invalidate twice or in any order", async () => {
    const cache = open();
    const key = freshKey();
    await cache.set(key, 1);
    const [a, b] = await Promise.all([cache.invalidate(key), cache.invalidate([key, key])]);
    expect(a.complete && b.complete).toBe(true);
    await expectInvalidatedEverywhere(local.topology, key);
    expect(await cache.getOrSet(key, () => 2)).toBe(2);
  });

  it("fail-closed reads answer a miss while a remote cluster cannot be swept", async () => {
    const cache = open();
    const key = freshKey();
    await cache.set(key, "active");
    await cache.deliverQueued();
    expect(await cache.get(key, { failClosed: true })).toBe("active");
    local.partition("ap-southeast-1-b");
    await cache.deliverQueued();
    expect(await cache.get(key)).toBe("active");
    await eventually(async () => expect(await cache.get(key, { failClosed: true })).toBeUndefined());
  });

  it("close() with an invalidation in flight finishes it honestly, and later calls say it is closed", async () => {
    const cache = open();
    const key = freshKey();
    await cache.invalidate("warm-up");
    local.partition("us-east-1-a");
    const pending = cache.invalidate(key);
    await cache.close();
    const report = await pending;
    // Finished, not abandoned: five clusters applied it and say so; the hung one is queued, and
    // the outbox copies (five, three regions) make it durable.
    expect(report).toMatchObject({ queued: ["us-east-1-a"], durable: true });
    expect(report.delivered).toHaveLength(5);
    await expect(cache.get("k")).rejects.toMatchObject({ code: "ORG_CACHE_CLOSED" });
    local.heal("us-east-1-a");
    open("eu-west-1");
    await eventually(() => expectInvalidatedEverywhere(local.topology, key));
    const applied = await withRawExists("us-east-1-a", `org:cache:applied:${report.id}`);
    expect(applied).toBe(1);
  });

  it("refuses bad keys, values and TTLs with clear errors", async () => {
    const cache = open();
    await expect(cache.get("")).rejects.toThrow(CacheError);
    await expect(cache.get("has space")).rejects.toMatchObject({ code: "ORG_CACHE_KEY" });
    await expect(cache.get("x".repeat(2000))).rejects.toThrow(/limit is 1024/);
    await expect(cache.set("k", undefined)).rejects.toMatchObject({ code: "ORG_CACHE_VALUE" });
    await expect(cache.set("k", 10n)).rejects.toMatchObject({ code: "ORG_CACHE_VALUE" });
    await expect(cache.set("k", 1, { ttlMs: testConfig.cache.maxTtlMs + 1 })).rejects.toMatchObject({
      code: "ORG_CACHE_TTL",
    });
    await expect(cache.invalidate([])).rejects.toMatchObject({ code: "ORG_CACHE_KEY" });
    expect(() => open("mars-1")).toThrow(/localRegion "mars-1" is not in the topology/);
  });
});

describe.skipIf(!hasRedis)("AUTH and TLS", () => {
  // Set-up, not the test: making the certificate (an RSA key: seconds of CPU on a loaded machine) and
  // starting six TLS servers count against the hook's timeout, not the test's.
  let secured: LocalRegions;
  beforeAll(async () => {
    secured = await startLocalRegions({ tls: true, username: "svc-cache", password: "s3cret-pw" });
  });
  afterAll(async () => {
    await secured?.stop();
  });

  it("works over rediss:// with an ACL user and password, and never repeats the credentials", async () => {
    const options = { localRegion: "eu-west-1", opTimeoutMs: OP_TIMEOUT_MS * 5 };
    try {
      expect(secured.topology.regions[0]!.clusters[0]!.url).toMatch(/^rediss:\/\/svc-cache:s3cret-pw@127\.0\.0\.1:/);
      const cache = createRegionalCache({ ...options, topology: secured.topology, tls: { ca: secured.ca! } });
      caches.push(cache);
      // What this pins is that TLS with AUTH works, not how fast: the first calls of a new cache wait
      // for six TLS handshakes within one connect bound, which a starved process can miss (a miss
      // there is reported queued, as it should be). So: until a fill reads back and an invalidation
      // is complete on every cluster, without a wall-clock margin.
      await eventually(async () => {
        await cache.set("k", 1);
        expect(await cache.get("k")).toBe(1);
      });
      await eventually(async () => {
        const report = await cache.invalidate("k");
        expect(report.complete, JSON.stringify(report.reasons)).toBe(true);
      });
      expect(await cache.get("k")).toBeUndefined();

      // Wrong password, and an untrusted certificate: nothing delivered, nothing leaked.
      const errors: string[] = [];
      const wrong = JSON.parse(JSON.stringify(secured.topology).replaceAll("s3cret-pw", "wrong-pw"));
      for (const cache of [
        createRegionalCache({ ...options, topology: wrong, tls: { ca: secured.ca! } }),
        createRegionalCache({ ...options, topology: secured.topology }),
      ]) {
        caches.push(cache);
        cache.on("clusterError", ({ error }) =>
          errors.push(`${error.message} ${String((error.cause as Error)?.message)}`),
        );
        const report = await cache.invalidate("k");
        expect(report).toMatchObject({ delivered: [], durable: false, complete: false });
      }
      await eventually(async () => expect(errors.join("\n")).toMatch(/WRONGPASS|invalid username-password/));
      await eventually(async () => expect(errors.join("\n")).toMatch(/self[- ]signed|certificate/i));
      expect(errors.join("\n")).not.toMatch(/wrong-pw|s3cret-pw/);
    } finally {
      await Promise.all(caches.splice(0).map((c) => c.close()));
    }
  });
});
