import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CacheError, type RegionalCache } from "../src/index.ts";
import { startLocalRegions, type LocalRegions } from "../src/testing/index.ts";
import { cacheFactory, freshKey } from "./helpers.ts";
import { eventually, hasRedis, OP_TIMEOUT_MS } from "./profile.ts";

const PASSWORD = "pw-7a1c-do-not-leak";

/** [1, <hole>, 3] */
const sparse = () => {
  const array = [1, 2, 3];
  delete array[1];
  return array;
};

/** Everything a listener could log about an event or error, including non-enumerable parts and causes. */
const everything = (value: unknown) =>
  `${inspect(value, { depth: 20, showHidden: true })}\n${JSON.stringify(value, (_k, v: unknown) =>
    v instanceof Error ? { ...v, message: v.message, stack: v.stack, cause: v.cause } : v,
  )}`;

// Issue 8, items 13-15: no secret anywhere, causes named, values that cannot round-trip refused.
describe.skipIf(!hasRedis)("errors, secrets and values", () => {
  let secured: LocalRegions;
  let plain: LocalRegions;
  const caches = cacheFactory(() => plain);
  beforeAll(async () => {
    [secured, plain] = await Promise.all([
      startLocalRegions({ username: "svc", password: PASSWORD }),
      startLocalRegions(),
    ]);
  });
  afterEach(() => caches.closeAll());
  afterAll(async () => {
    await Promise.all([secured?.stop(), plain?.stop()]);
  });

  const collect = (seen: unknown[], cache: RegionalCache) => {
    cache.on("clusterError", (event) => seen.push(event));
    cache.on("invalidation", (event) => seen.push(event));
  };

  it("no password in any event, error or cause: AUTH failures, dropped connections, refused reconnects", async () => {
    const wrong = JSON.parse(
      JSON.stringify(secured.topology).replaceAll(encodeURIComponent(PASSWORD), `${PASSWORD}-x`),
    );
    // About secrets, not answer time: a wider bound keeps a loaded machine from queueing the good one.
    const bad = caches.open("us-east-1", { opTimeoutMs: OP_TIMEOUT_MS * 5 }, wrong);
    const good = caches.open("us-east-1", { opTimeoutMs: OP_TIMEOUT_MS * 5 }, secured.topology);
    const seen: unknown[] = [];
    collect(seen, bad);
    collect(seen, good);
    const thrown: unknown[] = [];
    const report = await bad.invalidate(freshKey());
    expect(report.delivered).toEqual([]);
    expect(new Set(Object.values(report.reasons))).toEqual(new Set(["auth"]));
    await bad.get("k").catch((error: unknown) => thrown.push(error));
    const goodReport = await good.invalidate(freshKey());
    expect(goodReport.complete, JSON.stringify(goodReport)).toBe(true);
    await secured.kill("us-east-1-a");
    try {
      await good.invalidate(freshKey());
      await good.get("k").catch((error: unknown) => thrown.push(error));
      await eventually(async () => expect(seen.length).toBeGreaterThan(6));
    } finally {
      await secured.restart("us-east-1-a");
    }
    expect(thrown.length).toBeGreaterThan(0);
    const text = everything([seen, thrown]);
    expect(text).toMatch(/WRONGPASS|auth/);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(encodeURIComponent(PASSWORD));
  });

  it("reports and errors name the cause: auth, tls, refused, timeout", async () => {
    const key = freshKey();
    const wrong = JSON.parse(JSON.stringify(secured.topology).replaceAll(encodeURIComponent(PASSWORD), "nope"));
    const auth = caches.open("us-east-1", {}, wrong);
    await expect(auth.get(key)).rejects.toThrow(/us-east-1-a: auth .*us-east-1-b: auth/);

    // A certificate the client does not trust (no `tls: { ca }`).
    const tlsRegions = await startLocalRegions({ tls: true, regions: [{ id: "us-east-1", geo: "US" }] });
    try {
      const tls = caches.open("us-east-1", {}, tlsRegions.topology);
      const tlsReport = await tls.invalidate(key);
      expect(tlsReport.reasons).toEqual({ "us-east-1-a": "tls", "us-east-1-b": "tls" });
      await expect(tls.get(key)).rejects.toThrow(/us-east-1-a: tls .*(self[- ]signed|certificate)/);
    } finally {
      await caches.closeAll();
      await tlsRegions.stop();
    }

    const cache = caches.open("us-east-1");
    await cache.invalidate("warm-up");
    await plain.kill("us-east-1-a");
    plain.partition("us-east-1-b");
    try {
      const report = await cache.invalidate(key);
      expect(report.reasons).toEqual({
        "us-east-1-a": expect.stringMatching(/refused|unavailable/),
        "us-east-1-b": "timeout",
      });
      const error = await cache.get(key).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CacheError);
      expect((error as CacheError).message).toMatch(/us-east-1-a: (refused|unavailable).*us-east-1-b: timeout/);
      expect((error as CacheError).message).toContain(`within ${OP_TIMEOUT_MS} ms`);
      const { clusters } = cache.metrics();
      expect(clusters.find((c) => c.id === "us-east-1-b")).toMatchObject({ state: "down", lastFailure: "timeout" });
    } finally {
      plain.heal("us-east-1-b");
      await plain.restart("us-east-1-a");
    }
  });

  it("refuses values that would not come back unchanged, and oversized ones, before sending anything", async () => {
    const cache = caches.open("us-east-1", { maxValueBytes: 64 * 1024 });
    const key = freshKey();
    for (const value of [
      NaN,
      Infinity,
      -0,
      new Date(),
      new Map(),
      { a: undefined },
      sparse(),
      10n,
      () => 1,
      Symbol("s"),
    ]) {
      await expect(cache.set(key, value), String(value)).rejects.toMatchObject({ code: "ORG_CACHE_VALUE" });
    }
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(cache.set(key, cyclic)).rejects.toMatchObject({ code: "ORG_CACHE_VALUE" });
    // Too big: refused with a CacheError naming the limit; unrelated reads are untouched.
    const other = freshKey();
    await cache.set(other, "fine");
    const big = "x".repeat(65 * 1024);
    const [refused, ...reads] = await Promise.allSettled([
      cache.set(key, big),
      ...Array.from({ length: 20 }, () => cache.get(other)),
    ]);
    expect(refused).toMatchObject({ status: "rejected", reason: { code: "ORG_CACHE_VALUE" } });
    expect((refused as PromiseRejectedResult).reason.message).toMatch(/limit is 65536 \(maxValueBytes\)/);
    expect(reads.every((r) => r.status === "fulfilled" && r.value === "fine")).toBe(true);
    expect(await cache.get(key)).toBeUndefined();
    // What does round-trip is stored as is.
    const value = { a: [1, 2.5, "x", null, true, { b: [] }], "": 0 };
    await cache.set(key, value);
    expect(await cache.get(key)).toEqual(value);
  });

  it("refuses keys that are not strings or break Redis Cluster's hash tag", async () => {
    const cache = caches.open("us-east-1");
    for (const bad of [123, null, undefined, { key: "a" }, "}x", "}"]) {
      await expect(cache.invalidate(bad as string)).rejects.toMatchObject({ code: "ORG_CACHE_KEY" });
    }
    await expect(cache.invalidate(["ok", 5 as unknown as string])).rejects.toMatchObject({ code: "ORG_CACHE_KEY" });
    await expect(cache.get("}x")).rejects.toThrow(/starts with "}"/);
    expect((await cache.invalidate(["a}b", "{c}", "d{"])).complete).toBe(true);
  });
});
