import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runFaultModel, startLocalRegions, type LocalRegions } from "../src/testing/index.ts";
import { hasRedis, OP_TIMEOUT_MS, testConfig } from "./profile.ts";

// The randomized fault model (src/testing/fault-model.ts) on six real redis-server processes with
// append-only files: concurrent fills, reads, invalidations and relay rounds from 20 instances (one
// with a topology lacking a cluster), while clusters hang, restart with and without their data, get
// FLUSHALLed, the wall clock steps an hour either way, a 10k backlog drains and a process dies in
// the middle of an invalidation; every instance reaches the clusters through its region's fault
// proxies, which drop replies or requests on one side only, cut one region off one cluster, slow
// and throttle links and reset connections. After the heal, every promise a report made is checked.
// Replay a failure with FAULT_SEED=<seed>; bench/faults.mjs soaks many seeds for longer.
const SEED = process.env.FAULT_SEED ? Number(process.env.FAULT_SEED) : 20261128;
// Ten thousand entries and twenty instances on a loaded 2-core machine: a few test timeouts (from config).
const HEAVY = testConfig.timeouts.test * 6;

/** The two shapes: many faults among six instances; twenty instances over a 10k backlog. */
const RUNS = [
  { name: "faults", seed: SEED, operations: 150, instances: 6, backlog: 0, processDeaths: 1 },
  { name: "scale", seed: SEED + 1, operations: 30, instances: 20, backlog: 10_000, processDeaths: 0 },
];

describe.skipIf(!hasRedis)("fault model on real redis-server", () => {
  let local: LocalRegions;
  beforeAll(async () => {
    local = await startLocalRegions({ persistence: "appendonly" });
  });
  afterAll(async () => {
    await local?.stop();
  });

  for (const run of RUNS) {
    it(
      `${run.name}, seed ${run.seed}: ${run.operations} operations, ${run.instances} instances, backlog ${run.backlog}: no stale read after complete, no durable invalidation lost, no dishonest report`,
      async () => {
        const report = await runFaultModel({
          local,
          ...run,
          opTimeoutMs: OP_TIMEOUT_MS,
          settleMs: testConfig.timeouts.test * 2,
        });
        console.log(
          `fault model ${run.name} seed ${run.seed}: ${JSON.stringify(report.counts)}; invalidations ${JSON.stringify(report.invalidations)}; backlog delivered ${report.backlogDelivered}`,
        );
        const broken = {
          staleReads: report.staleReads,
          lostDurable: report.lostDurable,
          dishonest: report.dishonest,
          survivingStale: report.survivingStale,
          unconverged: report.unconverged,
          stuck: report.stuck,
          deadLettered: report.deadLettered,
          hung: report.hung,
        };
        expect(broken, `seed ${run.seed} broke a promise (replay: FAULT_SEED=${SEED})`).toEqual({
          staleReads: [],
          lostDurable: [],
          dishonest: [],
          survivingStale: [],
          unconverged: [],
          stuck: [],
          deadLettered: [],
          hung: [],
        });
        // The run exercised what it claims to.
        expect(report.invalidations.total).toBeGreaterThan(run.operations / 15);
        expect(report.backlogDelivered).toBe(run.backlog);
        if (run.name === "faults") {
          const network = ["one-way", "link", "slow link", "connections reset"];
          const injected = Object.entries(report.counts).filter(([kind]) => network.some((n) => kind.includes(n)));
          expect(injected.length, "network faults injected").toBeGreaterThan(0);
        }
      },
      HEAVY,
    );
  }
});
