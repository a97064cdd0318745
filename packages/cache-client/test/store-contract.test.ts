import { randomBytes, randomUUID } from "node:crypto";
import type { Cluster, Topology } from "@org/config";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisStore } from "../src/redis-store.ts";
import {
  KeyLayout,
  memoryRegions,
  startLocalRedisCluster,
  startLocalRegions,
  type ClusterStore,
  type LocalRedisCluster,
  type LocalRegions,
  type MemoryRegions,
  type OutboxEntry,
  type StoreContext,
} from "../src/testing/index.ts";
import { eventually, hasRedis, OP_TIMEOUT_MS, testConfig } from "./profile.ts";

// The ClusterStore contract (src/store.ts): one set of behaviours every implementation honours,
// run against the Redis store on a standalone redis-server, the Redis store on a 3-node Redis
// Cluster, and the in-memory stand-in of @org/cache-client/testing. The relay and reads are built
// on these promises only, so an implementation passing this suite is one the cache can run on.

interface Implementation {
  name: string;
  setup(): Promise<void>;
  teardown(): Promise<void>;
  /** A new connection to the one cluster under test, keys under `namespace`. */
  connect(namespace: string): ClusterStore;
  /** The cluster loses everything (restart without persistence, FLUSHALL). */
  wipe(): Promise<void>;
  /** The cluster stops answering (SIGSTOP) / answers again. */
  hang?(): void;
  unhang?(): void;
}

const RETENTION_MS = 2 * testConfig.cache.maxTtlMs;
const CLUSTER_ID = "us-east-1-a";

function context(namespace: string): StoreContext {
  return {
    layout: new KeyLayout(namespace),
    opTimeoutMs: OP_TIMEOUT_MS,
    retentionMs: RETENTION_MS,
    onError: () => {},
  };
}

function redisStore(cluster: Cluster, namespace: string): ClusterStore {
  return new RedisStore(cluster, { ...context(namespace), connectTimeoutMs: testConfig.timeouts.connect });
}

function memoryImplementation(): Implementation {
  const topology: Topology = {
    regions: [
      { id: "us-east-1", geo: "us", clusters: [{ id: CLUSTER_ID, url: "redis://memory", mode: "standalone" }] },
    ],
  };
  let memory: MemoryRegions;
  return {
    name: "in-memory stand-in",
    setup: async () => void (memory = memoryRegions(topology)),
    teardown: async () => {},
    connect: (namespace) => memory.createStore(topology.regions[0]!.clusters[0]!, context(namespace)),
    wipe: async () => memory.restart(CLUSTER_ID),
    hang: () => memory.partition(CLUSTER_ID),
    unhang: () => memory.heal(CLUSTER_ID),
  };
}

function standaloneImplementation(): Implementation {
  let local: LocalRegions;
  return {
    name: "Redis store, standalone redis-server",
    setup: async () => {
      local = await startLocalRegions({ regions: [{ id: "us-east-1", geo: "us", clusters: 1 }] });
    },
    teardown: async () => local?.stop(),
    connect: (namespace) => redisStore(local.topology.regions[0]!.clusters[0]!, namespace),
    wipe: async () => {
      const raw = new Redis(local.port(CLUSTER_ID), "127.0.0.1", { maxRetriesPerRequest: 0 });
      try {
        await raw.flushall();
      } finally {
        raw.disconnect();
      }
    },
    hang: () => local.partition(CLUSTER_ID),
    unhang: () => local.heal(CLUSTER_ID),
  };
}

function clusterImplementation(): Implementation {
  let cluster: LocalRedisCluster;
  return {
    name: "Redis store, 3-node Redis Cluster",
    setup: async () => void (cluster = await startLocalRedisCluster(3)),
    teardown: async () => cluster?.stop(),
    connect: (namespace) => {
      const [url, ...seeds] = cluster.urls;
      return redisStore({ id: CLUSTER_ID, url: url!, mode: "cluster", seeds }, namespace);
    },
    wipe: async () => {
      for (const url of cluster.urls) {
        const raw = new Redis(url, { maxRetriesPerRequest: 0 });
        try {
          await raw.flushall();
        } finally {
          raw.disconnect();
        }
      }
    },
    // No hang/unhang: a hung Redis Cluster node is the standalone case again, node by node.
  };
}

let n = 0;
const fresh = () => `ns${++n}-${randomBytes(3).toString("hex")}`;
const token = () => randomBytes(16).toString("hex");
const entry = (keys: string[], targets = [CLUSTER_ID, "eu-west-1-a"]): OutboxEntry => ({
  id: randomUUID(),
  keys,
  at: Date.now(),
  targets,
});

const implementations = [
  memoryImplementation(),
  ...(hasRedis ? [standaloneImplementation(), clusterImplementation()] : []),
];

describe.each(implementations)("ClusterStore contract: $name", (impl) => {
  const opened: ClusterStore[] = [];
  /** A connection under a namespace of its own, so tests share the cluster but no keys. */
  const open = (namespace = fresh()) => {
    const store = impl.connect(namespace);
    opened.push(store);
    return store;
  };
  const withNamespace = () => {
    const namespace = fresh();
    return { namespace, a: open(namespace), b: open(namespace) };
  };
  beforeAll(() => impl.setup());
  afterAll(async () => {
    for (const store of opened.splice(0)) store.close();
    await impl.teardown();
  });

  it("has the id it was built for", () => {
    expect(open().id).toBe(CLUSTER_ID);
  });

  it("get: a missing key is null; a fill without a lease stores the payload for every connection", async () => {
    const { a, b } = withNamespace();
    expect(await a.get("k")).toBeNull();
    expect(await a.fill("k", '"v"', RETENTION_MS, undefined)).toBe(true);
    expect(await b.get("k")).toBe('"v"');
  });

  it("fill: the value expires after its TTL", async () => {
    const { a } = withNamespace();
    expect(await a.fill("k", "1", 1, undefined)).toBe(true);
    await eventually(async () => expect(await a.get("k")).toBeNull());
  });

  it("lease: on a key without a generation stores the fresh token; later leases get the same token", async () => {
    const { a, b } = withNamespace();
    const first = token();
    expect(await a.lease("k", first)).toBe(first);
    expect(await b.lease("k", token())).toBe(first);
  });

  it("fill with a lease: stored only while the generation is exactly the lease's token", async () => {
    const { a } = withNamespace();
    const lease = await a.lease("k", token());
    expect(await a.fill("k", '"ok"', RETENTION_MS, lease)).toBe(true);
    expect(await a.get("k")).toBe('"ok"');
    expect(await a.fill("k", '"other"', RETENTION_MS, token())).toBe(false);
    expect(await a.get("k")).toBe('"ok"');
  });

  it("fill with a lease on a key whose generation is missing is refused (missing is unknown, not unchanged)", async () => {
    const { a } = withNamespace();
    expect(await a.fill("k", '"v"', RETENTION_MS, token())).toBe(false);
    expect(await a.fill("k", '"v"', RETENTION_MS, "")).toBe(false);
    expect(await a.get("k")).toBeNull();
  });

  it("invalidate: deletes every key's value, moves their generations to the token, records the entry, marks it applied", async () => {
    const { a, b } = withNamespace();
    const lease = await a.lease("k1", token());
    await a.fill("k1", "1", RETENTION_MS, lease);
    await a.fill("k2", "2", RETENTION_MS, undefined);
    await a.fill("k3", "3", RETENTION_MS, undefined);
    const e = entry(["k1", "k2"]);
    const t = token();
    const streamId = await a.invalidate(e, t);
    expect(streamId).toMatch(/^\d+-\d+$/);
    expect(await b.get("k1")).toBeNull();
    expect(await b.get("k2")).toBeNull();
    expect(await b.get("k3")).toBe("3");
    expect(await b.lease("k1", token())).toBe(t);
    expect(await b.lease("k2", token())).toBe(t);
    // The lease from before is void; the entry reads back as written; it counts as applied.
    expect(await b.fill("k1", "stale", RETENTION_MS, lease)).toBe(false);
    expect(await b.readOutbox("-", 10)).toEqual([{ streamId, entry: e }]);
    expect(await b.deliver([e], token())).toEqual(["already"]);
  });

  it("deliver: applies entries not yet applied, one outcome per entry in order, each with a fresh generation", async () => {
    const { a, b } = withNamespace();
    const old = entry(["x"]);
    await a.invalidate(old, token());
    await a.fill("y", "1", RETENTION_MS, undefined);
    const lease = await a.lease("z", token());
    const [e1, e2] = [entry(["y"]), entry(["z"])];
    const t = token();
    expect(await b.deliver([e1, old, e2], t)).toEqual(["applied", "already", "applied"]);
    expect(await a.get("y")).toBeNull();
    expect(await a.fill("z", "stale", RETENTION_MS, lease)).toBe(false);
    const [gy, gz] = [await a.lease("y", token()), await a.lease("z", token())];
    expect(gy).not.toBe(gz);
    expect(await a.deliver([e1, e2], token())).toEqual(["already", "already"]);
    // deliver never writes to the outbox: only INVALIDATE records entries.
    expect((await a.readOutbox("-", 10)).map((r) => r.entry?.id)).toEqual([old.id]);
  });

  it("readOutbox: in stream order, strictly after the cursor, at most `count` rows", async () => {
    const { a } = withNamespace();
    const entries = Array.from({ length: 5 }, (_, i) => entry([`k${i}`]));
    const ids: string[] = [];
    for (const e of entries) ids.push(await a.invalidate(e, token()));
    expect([...ids].sort(compareStreamIds)).toEqual(ids);
    expect((await a.readOutbox("-", 2)).map((r) => r.streamId)).toEqual(ids.slice(0, 2));
    expect((await a.readOutbox(ids[1]!, 2)).map((r) => r.streamId)).toEqual(ids.slice(2, 4));
    expect((await a.readOutbox(ids[3]!, 10)).map((r) => r.entry)).toEqual([entries[4]]);
    expect(await a.readOutbox(ids[4]!, 10)).toEqual([]);
    expect(await open().readOutbox("-", 10)).toEqual([]);
  });

  it("retire: removes the rows and their attempt counters, and nothing else", async () => {
    const { a } = withNamespace();
    const ids = [
      await a.invalidate(entry(["a"]), token()),
      await a.invalidate(entry(["b"]), token()),
      await a.invalidate(entry(["c"]), token()),
    ];
    expect(await a.countAttempt(ids[0]!, "eu-west-1-a")).toBe(1);
    await a.retire([ids[0]!, ids[2]!]);
    await a.retire([]);
    expect((await a.readOutbox("-", 10)).map((r) => r.streamId)).toEqual([ids[1]]);
    expect(await a.countAttempt(ids[0]!, "eu-west-1-a")).toBe(1);
  });

  it("countAttempt: counts per row, shared by every connection", async () => {
    const { a, b } = withNamespace();
    const [s1, s2] = [await a.invalidate(entry(["a"]), token()), await a.invalidate(entry(["b"]), token())];
    expect(await a.countAttempt(s1, "eu-west-1-a")).toBe(1);
    expect(await b.countAttempt(s1, "eu-west-1-a")).toBe(2);
    expect(await a.countAttempt(s2, "eu-west-1-a")).toBe(1);
    expect(await b.countAttempt(s1, "eu-west-1-b")).toBe(3);
  });

  it("deadLetter: moves the row out of the outbox into the dead letters and resets its attempts", async () => {
    const { a, b } = withNamespace();
    const e = entry(["a"]);
    const streamId = await a.invalidate(e, token());
    const keep = await a.invalidate(entry(["b"]), token());
    await a.countAttempt(streamId, "eu-west-1-a");
    expect(await a.deadLetterCount()).toBe(0);
    await a.deadLetter({ streamId, entry: e }, "eu-west-1-a", "rejected: CROSSSLOT");
    expect(await b.deadLetterCount()).toBe(1);
    expect((await b.readOutbox("-", 10)).map((r) => r.streamId)).toEqual([keep]);
    expect(await b.countAttempt(streamId, "eu-west-1-a")).toBe(1);
  });

  it("stamps and readFenced: the cluster's clock (never going back) and the sweep stamps markSwept wrote", async () => {
    const { a, b } = withNamespace();
    const first = await a.stamps();
    expect(first.swept).toEqual({});
    expect(Number.isInteger(first.now)).toBe(true);
    await a.markSwept("eu-west-1-a", first.now);
    await a.markSwept("ap-southeast-1-a", first.now - 5);
    await a.markSwept("eu-west-1-a", first.now + 1);
    await a.fill("k", '"v"', RETENTION_MS, undefined);
    const read = await b.readFenced("k");
    expect(read).toEqual({
      value: '"v"',
      now: read.now,
      swept: { "eu-west-1-a": first.now + 1, "ap-southeast-1-a": first.now - 5 },
    });
    expect(read.now).toBeGreaterThanOrEqual(first.now);
    expect((await b.readFenced("missing")).value).toBeNull();
  });

  it("holdLease: one owner at a time; the owner renews; only the owner releases; it expires after its time", async () => {
    const { a, b } = withNamespace();
    const ttl = testConfig.timeouts.test;
    expect(await a.holdLease("fp", "owner-1", ttl)).toBe(true);
    expect(await b.holdLease("fp", "owner-2", ttl)).toBe(false);
    expect(await a.holdLease("fp", "owner-1", ttl)).toBe(true);
    expect(await b.holdLease("other-fp", "owner-2", ttl)).toBe(true);
    await b.releaseLease("fp", "owner-2");
    expect(await b.holdLease("fp", "owner-2", ttl)).toBe(false);
    await a.releaseLease("fp", "owner-1");
    expect(await b.holdLease("fp", "owner-2", 1)).toBe(true);
    await eventually(async () => expect(await a.holdLease("fp", "owner-1", ttl)).toBe(true));
  });

  it("namespaces share a cluster without seeing each other's keys, outbox or leases", async () => {
    const [x, y] = [open(), open()];
    await x.fill("k", '"x"', RETENTION_MS, undefined);
    await x.invalidate(entry(["other"]), token());
    await x.holdLease("fp", "owner-x", testConfig.timeouts.test);
    expect(await y.get("k")).toBeNull();
    expect(await y.readOutbox("-", 10)).toEqual([]);
    expect(await y.holdLease("fp", "owner-y", testConfig.timeouts.test)).toBe(true);
  });

  it("after the cluster loses its state, leases taken before are void and the outbox is empty", async () => {
    const { a } = withNamespace();
    const lease = await a.lease("k", token());
    await a.invalidate(entry(["j"]), token());
    await impl.wipe();
    expect(await a.readOutbox("-", 10)).toEqual([]);
    expect(await a.fill("k", '"stale"', RETENTION_MS, lease)).toBe(false);
    expect(await a.get("k")).toBeNull();
    // A new lease on the emptied cluster is a new token, not the old one.
    expect(await a.lease("k", token())).not.toBe(lease);
  });

  if (impl.hang && impl.unhang) {
    const { hang, unhang } = impl;
    it("a cluster that answers nothing makes calls reject with kind timeout, then answers again once healed", async () => {
      const store = open();
      await store.get("warm");
      hang();
      try {
        const error = (await store.get("k").catch((e: unknown) => e)) as { kind?: string };
        expect(error.kind).toBe("timeout");
      } finally {
        unhang();
      }
      await eventually(async () => expect(await store.get("k")).toBeNull());
    });
  }

  it("after close, calls reject instead of hanging", async () => {
    const store = impl.connect(fresh());
    await store.get("warm");
    store.close();
    await expect(store.get("k")).rejects.toThrow();
    await expect(store.readOutbox("-", 1)).rejects.toThrow();
  });
});

function compareStreamIds(a: string, b: string): number {
  const [am, as] = a.split("-").map(Number) as [number, number];
  const [bm, bs] = b.split("-").map(Number) as [number, number];
  return am - bm || as - bs;
}
