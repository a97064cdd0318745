import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loadConfig } from "@org/config";
import { createRegionalCacheOnStores, memoryRegions, type MemoryRegions } from "../src/testing/index.ts";
import type { RegionalCache } from "../src/index.ts";

// Relay, health and read-routing logic on the in-memory clusters and fake timers: no redis-server,
// no wall clock, every interval advanced by hand.
const { topology, cache: limits } = loadConfig({ env: { ORG_ENV: "dev" } });
const OP = limits.opTimeoutMs;

describe("relay and health on fake timers", () => {
  let memory: MemoryRegions;
  const open: RegionalCache[] = [];
  const cache = (localRegion = "us-east-1") => {
    const c = createRegionalCacheOnStores(
      { topology, localRegion, opTimeoutMs: OP, relayIntervalMs: OP },
      memory.createStore,
    );
    open.push(c);
    return c;
  };
  /** Runs relay rounds on fake time until `done` or the round limit. */
  const rounds = async (c: RegionalCache, n: number, done: () => boolean = () => false) => {
    for (let i = 0; i < n && !done(); i++) {
      const round = c.deliverQueued();
      await vi.advanceTimersByTimeAsync(OP * 2);
      await round;
    }
  };
  beforeEach(() => {
    vi.useFakeTimers();
    memory = memoryRegions(topology);
  });
  afterEach(async () => {
    const closing = Promise.all(open.splice(0).map((c) => c.close()));
    await vi.advanceTimersByTimeAsync(OP * 4);
    await closing;
    vi.useRealTimers();
  });

  it("a read with both local clusters hung fails after exactly opTimeoutMs, having tried both", async () => {
    const c = cache();
    await c.set("k", 1);
    memory.partition("us-east-1-a");
    memory.partition("us-east-1-b");
    const read = c.get("k").catch((e: unknown) => e);
    let settled = false;
    void read.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(OP - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
    expect(String(await read)).toMatch(/us-east-1-a: timeout .*us-east-1-b: timeout/);
  });

  it("the second local cluster answers when the first has not within half the bound", async () => {
    const c = cache();
    await c.set("k", "v");
    memory.partition("us-east-1-a");
    const read = c.get("k");
    await vi.advanceTimersByTimeAsync(OP / 2);
    expect(await read).toBe("v");
  });

  it("a failed cluster is not called again until its backoff passes, then one probe brings it back as recovering, then up after a sweep", async () => {
    const c = cache();
    memory.partition("ap-southeast-1-a");
    const report = c.invalidate("k");
    await vi.advanceTimersByTimeAsync(OP);
    expect((await report).queued).toEqual(["ap-southeast-1-a"]);
    const state = () => c.metrics().clusters.find((m) => m.id === "ap-southeast-1-a")!;
    expect(state()).toMatchObject({ state: "down", lastFailure: "timeout" });
    // While down, calls fail fast: an invalidation answers at once with it queued as unavailable-by-backoff.
    const fast = c.invalidate("k2");
    await vi.advanceTimersByTimeAsync(0);
    expect((await fast).reasons).toEqual({ "ap-southeast-1-a": "timeout" });
    memory.heal("ap-southeast-1-a");
    await rounds(c, 20, () => state().state === "up");
    expect(state()).toMatchObject({ state: "up", queueDepth: 0 });
    expect(memory.peek("ap-southeast-1-a", "k")).toBeUndefined();
  });

  it("a recovering local cluster is not read until swept; the other local cluster answers", async () => {
    const c = cache();
    await c.set("k", "stale");
    memory.partition("us-east-1-a");
    const pending = c.invalidate("k");
    await vi.advanceTimersByTimeAsync(OP);
    await pending;
    // The partitioned cluster still holds the value (nothing reached it).
    memory.heal("us-east-1-a");
    expect(memory.peek("us-east-1-a", "k")).toBe('"stale"');
    for (let i = 0; i < 10; i++) {
      const read = c.get("k");
      await vi.advanceTimersByTimeAsync(OP);
      expect(await read).toBeUndefined();
    }
  });

  it("one relay lease per outbox: with three instances, each entry is applied once per target", async () => {
    const instances = [cache("us-east-1"), cache("eu-west-1"), cache("ap-southeast-1")];
    memory.partition("ap-southeast-1-b");
    const issued = instances[0]!.invalidate(["a", "b", "c"]);
    await vi.advanceTimersByTimeAsync(OP);
    expect((await issued).queued).toEqual(["ap-southeast-1-b"]);
    const applied: string[] = [];
    for (const i of instances) i.on("delivered", (e) => applied.push(e.clusterId));
    memory.heal("ap-southeast-1-b");
    for (let i = 0; i < 20 && applied.length === 0; i++) await vi.advanceTimersByTimeAsync(OP);
    await vi.advanceTimersByTimeAsync(OP * 10);
    expect(applied).toEqual(["ap-southeast-1-b"]);
    expect(memory.outboxLength("us-east-1-a")).toBe(0);
  });

  it("a cluster that restarts empty loses nothing reported durable", async () => {
    const c = cache();
    memory.partition("ap-southeast-1-a");
    const pending = c.invalidate("k");
    await vi.advanceTimersByTimeAsync(OP);
    expect(await pending).toMatchObject({ durable: true, queued: ["ap-southeast-1-a"] });
    memory.restart("us-east-1-a");
    memory.restart("eu-west-1-a");
    memory.heal("ap-southeast-1-a");
    await rounds(
      c,
      20,
      () => c.metrics().clusters.every((m) => m.queueDepth === 0) && memory.outboxLength("us-east-1-b") === 0,
    );
    expect(memory.outboxLength("us-east-1-b")).toBe(0);
  });
});
