import { describe, expect, it } from "vitest";
import { pendingState, watchdog, type UnsettledStep } from "../src/testing/fault-watchdog.ts";
import { freshKey, rawClient, useLocalRegions, withRaw } from "./helpers.ts";
import { hasRedis, OP_TIMEOUT_MS } from "./profile.ts";

// The fault model's watchdog: a step of a run that never settles is a finding with its context
// (which step, what was pending), and the run goes on, instead of a soak that hangs without a word.
describe("the fault model's watchdog", () => {
  const run = () => {
    const hung: string[] = [];
    const seen: string[][] = [];
    const watch = watchdog({
      settleMs: OP_TIMEOUT_MS,
      tick: () => 7,
      hung: (line) => hung.push(line),
      pending: async (unsettled: ReadonlyMap<number, UnsettledStep>) => {
        seen.push([...unsettled.values()].map((s) => s.what));
        return "the snapshot";
      },
    });
    return { hung, seen, watch };
  };

  it("reports a step that never settles with what was pending, runs its onHang and goes on", async () => {
    const { hung, seen, watch } = run();
    let killed = false;
    const left = watch(
      "process death #1",
      () => new Promise<never>(() => {}),
      () => (killed = true),
    );
    const other = watch("a read that never answers", () => new Promise<never>(() => {}));
    expect(await left).toBeUndefined();
    expect(await other).toBeUndefined();
    expect(killed).toBe(true);
    expect(hung).toHaveLength(2);
    expect(hung[0]).toBe(`process death #1 (tick 7) did not settle within ${OP_TIMEOUT_MS} ms; pending: the snapshot`);
    // Both steps were still unsettled when the first snapshot was taken.
    expect(seen[0]).toEqual(["process death #1", "a read that never answers"]);
  });

  it("passes a step's result and failure through, and reports nothing for a step that settles", async () => {
    const { hung, watch } = run();
    expect(await watch("a fill", async () => 42)).toBe(42);
    await expect(watch("a restart", () => Promise.reject(new Error("exited with code 1")))).rejects.toThrow(
      "exited with code 1",
    );
    const sync = () => {
      throw new Error("at once");
    };
    await expect(watch("a step that throws at once", sync)).rejects.toThrow("at once");
    expect(hung).toEqual([]);
  });
});

describe.skipIf(!hasRedis)("what a hang reports as pending", () => {
  const { local, caches } = useLocalRegions({ heal: true, flush: true });

  it("names stopped clusters, outbox lengths, relay lease holders, clusters not up, and unsettled steps", async () => {
    const cache = caches.open("us-east-1");
    local().partition("ap-southeast-1-b");
    const report = await cache.invalidate(freshKey());
    expect(report.queued).toEqual(["ap-southeast-1-b"]);
    await cache.deliverQueued();
    const unsettled = new Map([[0, { what: "drain round 1 (5 outbox entries left)", tick: 3, since: 0 }]]);
    const clients = new Map<string, ReturnType<typeof rawClient>>();
    try {
      const line = await pendingState({
        local: local(),
        stopped: new Set(["ap-southeast-1-b"]),
        instances: [{ cache, region: "us-east-1", skewed: false }],
        unsettled,
        rawClient: (id) => clients.get(id) ?? clients.set(id, rawClient(local(), id)).get(id)!,
        boundMs: 4 * OP_TIMEOUT_MS,
      });
      expect(line).toMatch(/ap-southeast-1-b stopped/);
      expect(line).toMatch(/us-east-1-a outbox 1, lease [0-9a-f]{8} \d+ ms/);
      expect(line).toMatch(/#0 \(us-east-1\): ap-southeast-1-b down \(timeout\) in flight \d+ queued 1/);
      expect(line).toMatch(/unsettled steps \(1\): drain round 1 \(5 outbox entries left\) \(tick 3, \d+ ms\)/);
    } finally {
      for (const client of clients.values()) client.disconnect();
    }
    expect(await withRaw(local(), "us-east-1-a", (c) => c.xlen("org:cache:outbox"))).toBe(1);
  });
});
