import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loadConfig } from "@org/config";
import {
  createRegionalCacheOnStores,
  memoryRegions,
  type ClusterStore,
  type CreateStore,
  type DeliveryOutcome,
  type MemoryRegions,
  type OutboxEntry,
} from "../src/testing/index.ts";
import type { RegionalCache, RegionalCacheOptions } from "../src/index.ts";
import { ClusterFailure } from "../src/failures.ts";
import { clusterRetryPolicy, reconnectPolicy, retryDelay } from "../src/retry.ts";
import { without } from "./helpers.ts";

// Relay, health and read-routing logic on the in-memory clusters and fake timers: no redis-server,
// no wall clock, every interval advanced by hand.
const { topology, cache: limits } = loadConfig({ env: { ORG_ENV: "dev" } });
const OP = limits.opTimeoutMs;

describe("relay and health on fake timers", () => {
  let memory: MemoryRegions;
  const open: RegionalCache[] = [];
  const cache = (
    localRegion = "us-east-1",
    extra: Partial<RegionalCacheOptions> = {},
    createStore: CreateStore = memory.createStore,
  ) => {
    const c = createRegionalCacheOnStores(
      { topology, localRegion, opTimeoutMs: OP, relayIntervalMs: OP, ...extra },
      createStore,
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
    // The bound starts once the turn that sent the command ends, and at the bound replies that
    // already arrived are read first: one event-loop turn each, which the fake clock counts as its
    // smallest step (1 ms).
    await vi.advanceTimersByTimeAsync(2);
    expect(settled).toBe(true);
    expect(String(await read)).toMatch(/us-east-1-a: timeout/);
    expect(String(await read)).toMatch(/us-east-1-b: timeout/);
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

  /** `store` with some methods replaced. */
  const override = (store: ClusterStore, methods: Partial<ClusterStore>): ClusterStore =>
    new Proxy(store, {
      get: (target, prop) => {
        if (prop in methods) return methods[prop as keyof ClusterStore];
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });

  /** Every cluster's store, except that `clusterId` rejects (like CROSSSLOT) the entries `poison` picks. */
  const poisoning =
    (clusterId: string, poison: (entry: OutboxEntry) => boolean): CreateStore =>
    (cluster, context) => {
      const store = memory.createStore(cluster, context);
      if (cluster.id !== clusterId) return store;
      const deliver = async (entries: OutboxEntry[], token: string): Promise<DeliveryOutcome[]> => {
        const good = await store.deliver(
          entries.filter((e) => !poison(e)),
          token,
        );
        return entries.map((e) =>
          poison(e)
            ? { error: new ClusterFailure(clusterId, "rejected", `${clusterId}: CROSSSLOT (on purpose)`) }
            : good.shift()!,
        );
      };
      return override(store, { deliver });
    };

  it("an entry that keeps failing on one cluster is dead-lettered after maxDeliveryAttempts; the entry behind it is delivered first", async () => {
    const c = cache(
      "us-east-1",
      { maxDeliveryAttempts: 3 },
      poisoning("ap-southeast-1-b", (e) => e.keys.includes("poison")),
    );
    const order: string[] = [];
    c.on("delivered", (e) => e.clusterId === "ap-southeast-1-b" && order.push("delivered"));
    c.on("deadLetter", (e) => order.push(`dead:${e.clusterId}`));
    memory.partition("ap-southeast-1-b");
    const issued = Promise.all([c.invalidate("poison"), c.invalidate("good")]);
    await vi.advanceTimersByTimeAsync(OP);
    expect((await issued).map((r) => r.queued)).toEqual([["ap-southeast-1-b"], ["ap-southeast-1-b"]]);
    memory.heal("ap-southeast-1-b");
    await rounds(c, 30, () => order.includes("dead:ap-southeast-1-b") && memory.outboxLength("us-east-1-a") === 0);
    expect(order[0]).toBe("delivered");
    expect(order).toContain("dead:ap-southeast-1-b");
    expect(c.metrics().deadLettered).toBeGreaterThanOrEqual(1);
    for (const id of ["us-east-1-a", "us-east-1-b", "eu-west-1-a", "eu-west-1-b", "ap-southeast-1-a"])
      expect(memory.outboxLength(id), id).toBe(0);
  });

  it("calls beyond maxInFlight to a hung cluster wait for a slot until it is known hung, then fail at once without one; the healthy clusters are never reported queued", async () => {
    const c = cache("us-east-1", { maxInFlight: 2 });
    memory.partition("eu-west-1-b");
    const hanging = [c.invalidate("a"), c.invalidate("b")];
    await vi.advanceTimersByTimeAsync(0);
    // Two calls now hold the hung cluster's slots; the third waits for one (the healthy clusters
    // have answered all three).
    const third = c.invalidate("c");
    let thirdAnswered = false;
    void third.then(() => (thirdAnswered = true));
    await vi.advanceTimersByTimeAsync(OP / 2);
    expect(thirdAnswered).toBe(false);
    // The first two time out having heard nothing: the breaker opens and the waiter is answered.
    await vi.advanceTimersByTimeAsync(OP);
    const answered = [...(await Promise.all(hanging)), await third];
    expect(answered.map((r) => r.queued)).toEqual([["eu-west-1-b"], ["eu-west-1-b"], ["eu-west-1-b"]]);
    expect(answered.map((r) => r.reasons["eu-west-1-b"])).toEqual(["timeout", "timeout", "timeout"]);
    // Known hung: the next call is answered in the same turn, without taking a slot.
    const fourth = c.invalidate("d");
    await vi.advanceTimersByTimeAsync(0);
    expect(await fourth).toMatchObject({ queued: ["eu-west-1-b"], reasons: { "eu-west-1-b": "timeout" } });
    expect(c.metrics().clusters.find((m) => m.id === "eu-west-1-b")!.state).toBe("down");
  });

  it("an instance whose topology lacks a cluster relays the rest but never retires the entry; one that knows it does", async () => {
    const issuer = cache();
    memory.partition("ap-southeast-1-b");
    const issued = issuer.invalidate("k");
    await vi.advanceTimersByTimeAsync(OP);
    expect((await issued).queued).toEqual(["ap-southeast-1-b"]);
    const closing = issuer.close();
    await vi.advanceTimersByTimeAsync(OP);
    await closing;
    memory.heal("ap-southeast-1-b");
    const old = createRegionalCacheOnStores(
      {
        topology: without(topology, "ap-southeast-1-b"),
        localRegion: "us-east-1",
        opTimeoutMs: OP,
        relayIntervalMs: OP,
      },
      memory.createStore,
    );
    open.push(old);
    await rounds(old, 10);
    expect(memory.outboxLength("us-east-1-a")).toBe(1);
    const current = cache("eu-west-1");
    await rounds(current, 20, () => memory.outboxLength("us-east-1-a") === 0);
    expect(memory.outboxLength("us-east-1-a")).toBe(0);
  });

  it("a relay holder that dies without releasing its leases is replaced once they expire", async () => {
    let dead = false;
    const mortal: CreateStore = (cluster, context) => {
      const store = memory.createStore(cluster, context);
      // After death nothing is sent: every call hangs (the caller's bound turns it into a failure).
      return new Proxy(store, {
        get: (target, prop) => {
          const value = Reflect.get(target, prop) as unknown;
          if (typeof value !== "function") return value;
          return (...args: unknown[]) => (dead && prop !== "close" ? new Promise(() => {}) : value.apply(target, args));
        },
      });
    };
    const first = cache("us-east-1", {}, mortal);
    const firstDelivered: string[] = [];
    first.on("delivered", (e) => firstDelivered.push(e.clusterId));
    await rounds(first, 2);
    dead = true;
    const second = cache("eu-west-1");
    const delivered: string[] = [];
    second.on("delivered", (e) => delivered.push(e.clusterId));
    memory.partition("ap-southeast-1-a");
    const issued = second.invalidate("k");
    await vi.advanceTimersByTimeAsync(OP);
    expect((await issued).queued).toEqual(["ap-southeast-1-a"]);
    memory.heal("ap-southeast-1-a");
    // The leases the dead holder took run out (4 x max(relayIntervalMs, opTimeoutMs)); the survivor takes over.
    for (let i = 0; i < 40 && delivered.length === 0; i++) await vi.advanceTimersByTimeAsync(OP);
    expect(delivered).toEqual(["ap-southeast-1-a"]);
    expect(firstDelivered).toEqual([]);
    expect(memory.peek("ap-southeast-1-a", "k")).toBeUndefined();
  });

  it("a non-durable invalidation is delivered by its issuer; closing with one still undelivered emits dropped", async () => {
    const c = cache();
    const dropped: string[] = [];
    c.on("dropped", (e) => dropped.push(...e.ids));
    const others = ["us-east-1-b", "eu-west-1-a", "eu-west-1-b", "ap-southeast-1-a", "ap-southeast-1-b"];
    for (const id of others) memory.partition(id);
    const first = c.invalidate("k1");
    await vi.advanceTimersByTimeAsync(OP);
    expect(await first).toMatchObject({ delivered: ["us-east-1-a"], durable: false });
    // Only this process has it now: the one outbox that holds it loses its state.
    memory.restart("us-east-1-a");
    for (const id of others) memory.heal(id);
    await rounds(c, 20, () => c.metrics().clusters.every((m) => m.queueDepth === 0));
    for (const id of others) expect(memory.peek(id, "k1"), id).toBeUndefined();
    expect(c.metrics().clusters.every((m) => m.queueDepth === 0)).toBe(true);
    memory.partition("eu-west-1-a");
    memory.partition("eu-west-1-b");
    memory.partition("ap-southeast-1-a");
    memory.partition("ap-southeast-1-b");
    const second = c.invalidate("k2");
    await vi.advanceTimersByTimeAsync(OP);
    const report = await second;
    expect(report.durable).toBe(false);
    expect(dropped).toEqual([]);
    const closing = c.close();
    await vi.advanceTimersByTimeAsync(OP * 4);
    await closing;
    expect(dropped).toEqual([report.id]);
  });

  it("over maxLocalQueue non-durable invalidations, the oldest is dropped with an event", async () => {
    const c = cache("us-east-1", { maxLocalQueue: 2 });
    const dropped: string[] = [];
    c.on("dropped", (e) => dropped.push(...e.ids));
    for (const id of ["eu-west-1-a", "eu-west-1-b", "ap-southeast-1-a", "ap-southeast-1-b"]) memory.partition(id);
    const ids: string[] = [];
    for (const key of ["a", "b", "c"]) {
      const report = c.invalidate(key);
      await vi.advanceTimersByTimeAsync(OP);
      ids.push((await report).id);
    }
    expect(dropped).toEqual([ids[0]]);
    expect(c.metrics().dropped).toBe(1);
  });

  it("wall-clock steps (an hour back, an hour forward) change no backoff, lag or freshness", async () => {
    const c = cache();
    memory.partition("ap-southeast-1-a");
    const issued = c.invalidate("k");
    await vi.advanceTimersByTimeAsync(OP);
    await issued;
    vi.setSystemTime(Date.now() - 3_600_000);
    await vi.advanceTimersByTimeAsync(OP);
    const lag = c.metrics().clusters.find((m) => m.id === "ap-southeast-1-a")!.deliveryLagMs;
    expect(lag).toBeGreaterThanOrEqual(0);
    expect(lag).toBeLessThanOrEqual(OP * 4);
    vi.setSystemTime(Date.now() + 7_200_000);
    expect(c.metrics().clusters.find((m) => m.id === "ap-southeast-1-a")!.deliveryLagMs).toBeLessThanOrEqual(OP * 4);
    memory.heal("ap-southeast-1-a");
    // Delivery resumes within the backoff's ceiling (4 x opTimeoutMs) plus a few relay rounds, not an hour.
    await rounds(
      c,
      10,
      () => memory.peek("ap-southeast-1-a", "k") === undefined && c.metrics().clusters.every((m) => m.queueDepth === 0),
    );
    expect(c.metrics().clusters.every((m) => m.queueDepth === 0)).toBe(true);
  });
});

describe("the retry policy", () => {
  it("backs off exponentially with full jitter, never below a quarter of the base, never above the ceiling", () => {
    const policy = clusterRetryPolicy(100);
    expect(policy).toEqual({ baseMs: 50, maxMs: 400 });
    expect([1, 2, 3, 4, 10].map((f) => retryDelay(policy, f, () => 1))).toEqual([50, 100, 200, 400, 400]);
    expect(retryDelay(policy, 3, () => 0)).toBe(12.5);
    expect(retryDelay(policy, 0, () => 1)).toBe(50);
  });

  it("the driver reconnects on the same policy, from 100 ms up to the connect timeout", () => {
    const policy = reconnectPolicy(2_000);
    expect([1, 2, 5, 6, 20].map((times) => retryDelay(policy, times, () => 1))).toEqual([100, 200, 1600, 2000, 2000]);
  });
});
