// The cache protocol conformance scenarios (python/org-toolkit/conformance/*.json, see its README)
// with both roles bound to this implementation. The Python runner binds them across languages.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadConfig } from "@org/config";
import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createRegionalCache, type Lease } from "../src/index.ts";
import { startLocalRegions, type LocalRegions } from "../src/testing/index.ts";
import { hasRedis } from "./profile.ts";

type Step = { do: string; [field: string]: unknown };
const dir = fileURLToPath(new URL("../../../python/org-toolkit/conformance/", import.meta.url));
const scenarios = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((file) => ({ file, ...(JSON.parse(readFileSync(dir + file, "utf8")) as { name: string; steps: Step[] }) }));
// The same bound as the Python runner: staging's opTimeoutMs, so a healthy cluster on a loaded machine is never "queued".
const OP_TIMEOUT_MS = loadConfig({ env: { ORG_ENV: "staging" } }).cache.opTimeoutMs;
const MAX_RELAY_ROUNDS = 10;

let local: LocalRegions;
const ids = new Map<string, string>();
const leases = new Map<string, Lease>();
// Clusters a scenario killed and did not restart: the next scenario starts them again.
const killed = new Set<string>();
const all = () => local.clusterIds;
const pick = (spec: unknown) => (spec === "*" ? all() : (spec as string[]));
const each = (table: Record<string, number>) =>
  Object.entries(table).flatMap(([id, n]) => (id === "*" ? all() : [id]).map((c) => [c, n] as const));

async function raw<T>(clusterId: string, use: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis(local.port(clusterId), "127.0.0.1", {
    maxRetriesPerRequest: 0,
    commandTimeout: OP_TIMEOUT_MS * 4,
  });
  client.on("error", () => {});
  try {
    return await use(client);
  } finally {
    client.disconnect();
  }
}

async function withCache<T>(
  use: (cache: ReturnType<typeof createRegionalCache>) => Promise<T>,
  freshnessMs?: number,
): Promise<T> {
  const cache = createRegionalCache({
    topology: local.topology,
    localRegion: "us-east-1",
    opTimeoutMs: OP_TIMEOUT_MS,
    relayIntervalMs: 600_000, // relay rounds run when a step asks (deliverQueued)
    ...(freshnessMs === undefined ? {} : { freshnessMs }),
  });
  try {
    return await use(cache);
  } finally {
    await cache.close();
  }
}

/** A cluster's own clock (TIME), in ms. */
const clusterNow = (clusterId: string) =>
  raw(clusterId, async (r) => {
    const [seconds, micros] = await r.time();
    return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
  });

const outboxesEmpty = async () =>
  (await Promise.all(all().map((c) => raw(c, (r) => r.xlen("org:cache:outbox"))))).every((n) => n === 0);

async function run(step: Step): Promise<void> {
  switch (step.do) {
    case "partition":
    case "heal":
      return local[step.do](step.cluster as string);
    case "kill":
      killed.add(step.cluster as string);
      return local.kill(step.cluster as string);
    case "restart":
      killed.delete(step.cluster as string);
      return local.restart(step.cluster as string);
    case "seed":
      for (const c of all())
        await raw(c, (r) => r.set(`org:cache:{${step.key as string}}`, JSON.stringify(step.value)));
      return;
    case "xadd": {
      // With ageMs: an entry that looks that old by its holder's clock (as after a forward step).
      const cluster = step.cluster as string;
      const id = step.ageMs === undefined ? "*" : `${(await clusterNow(cluster)) - (step.ageMs as number)}-0`;
      await raw(cluster, (r) =>
        r.xadd("org:cache:outbox", id, ...Object.entries(step.fields as Record<string, string>).flat()),
      );
      return;
    }
    case "stamp":
      // Sweep stamps ahead of (offsetMs > 0) the cluster's clock: written before a backward step.
      for (const c of pick(step.clusters)) {
        const at = String((await clusterNow(c)) + (step.offsetMs as number));
        const stamps = all().flatMap((s) => (s === c ? [] : [s, at]));
        await raw(c, (r) => r.hset("org:cache:swept", ...stamps));
      }
      return;
    case "invalidate": {
      const expected = (step.expect ?? {}) as Record<string, unknown>;
      const answer = await withCache((cache) => cache.invalidate(step.keys as string[])).catch(
        (error: unknown) => error,
      );
      if ("error" in expected) {
        expect((answer as { code?: string }).code).toBe(expected.error);
        return;
      }
      const report = answer as Record<string, unknown> & { id: string; delivered: string[]; queued: string[] };
      if (step.name) ids.set(step.name as string, report.id);
      expect(new Set([...report.delivered, ...report.queued])).toEqual(new Set(all()));
      expect(Object.fromEntries(Object.keys(expected).map((k) => [k, report[k]]))).toEqual(expected);
      return;
    }
    case "relay": {
      const rounds = step.rounds as number | undefined;
      for (let i = 0; i < (rounds ?? MAX_RELAY_ROUNDS); i++) {
        await withCache((cache) => cache.deliverQueued());
        if (rounds === undefined && (await outboxesEmpty())) break;
      }
      return;
    }
    case "get": {
      const answer = await withCache(
        (cache) => cache.get(step.key as string, { failClosed: step.failClosed === true }),
        step.freshnessMs as number | undefined,
      ).catch((error: unknown) => ({ failed: error as { code?: string } }));
      if (step.expectError) {
        expect((answer as { failed?: { code?: string } }).failed?.code).toBe(step.expectError);
        return;
      }
      expect(answer ?? null).toEqual(step.expect);
      return;
    }
    case "getOrSet":
      expect(await withCache((cache) => cache.getOrSet(step.key as string, () => step.value))).toEqual(step.expect);
      return;
    case "lease":
      leases.set(step.name as string, await withCache((cache) => cache.lease(step.key as string)));
      return;
    case "set": {
      const lease = step.lease ? leases.get(step.lease as string) : undefined;
      const { stored } = await withCache((cache) => cache.set(step.key as string, step.value, lease ? { lease } : {}));
      expect(stored.sort()).toEqual([...(step.expect as { stored: string[] }).stored].sort());
      return;
    }
    case "expect":
      return check(step);
    default:
      throw new Error(`unknown step ${step.do}`);
  }
}

async function check(step: Step): Promise<void> {
  const value = (c: string, key: string) => raw(c, (r) => r.get(`org:cache:{${key}}`));
  if (step.invalidated) {
    for (const c of all()) expect(await value(c, step.invalidated as string), c).toBeNull();
  }
  if (step.invalidatedExcept) {
    const spec = step.invalidatedExcept as { key: string; clusters: string[] };
    for (const c of all().filter((id) => !spec.clusters.includes(id))) expect(await value(c, spec.key), c).toBeNull();
  }
  for (const [c, key] of Object.entries((step.holds ?? {}) as Record<string, string>)) {
    expect(await value(c, key), `${c} should still hold ${key}`).not.toBeNull();
  }
  for (const [c, key] of Object.entries((step.absent ?? {}) as Record<string, string>)) {
    expect(await value(c, key), `${c} should not hold ${key}`).toBeNull();
  }
  if (step.applied) {
    const spec = step.applied as { name: string; clusters: unknown };
    for (const c of pick(spec.clusters)) {
      expect(await raw(c, (r) => r.get(`org:cache:applied:${ids.get(spec.name)}`)), c).toBe("1");
    }
  }
  if (step.generation) {
    const spec = step.generation as { key: string; clusters: unknown; minLength: number };
    for (const c of pick(spec.clusters)) {
      const token = (await raw(c, (r) => r.get(`org:cache:{${spec.key}}:gen`))) ?? "";
      expect(token.length, c).toBeGreaterThanOrEqual(spec.minLength);
    }
  }
  for (const [field, stream] of [
    ["outbox", "org:cache:outbox"],
    ["dead", "org:cache:dead"],
  ] as const) {
    if (!step[field]) continue;
    for (const [c, n] of each(step[field] as Record<string, number>)) {
      expect(await raw(c, (r) => r.xlen(stream)), `${field} of ${c}`).toBe(n);
    }
  }
}

describe.skipIf(!hasRedis)("protocol conformance (TypeScript issues, TypeScript relays)", () => {
  beforeAll(async () => {
    local = await startLocalRegions();
  });
  afterAll(async () => {
    await local?.stop();
  });
  beforeEach(async () => {
    ids.clear();
    leases.clear();
    for (const c of killed) await local.restart(c);
    killed.clear();
    for (const c of all()) {
      local.heal(c);
      await raw(c, (r) => r.flushall());
    }
  });

  it("has the scenarios", () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(6);
  });

  for (const scenario of scenarios) {
    it(`${scenario.file}: ${scenario.name}`, async () => {
      for (const [index, step] of scenario.steps.entries()) {
        try {
          await run(step);
        } catch (error) {
          throw new Error(`${scenario.file} step ${index + 1} (${step.do}): ${(error as Error).message}`, {
            cause: error,
          });
        }
      }
    });
  }
});
