#!/usr/bin/env node
// The fault model (src/testing/fault-model.ts) soaked over many seeds and longer runs than the test
// suite affords, on six local redis-server processes with append-only files (after `pnpm build`).
// Prints, per run and in total, the operations by kind and the count of every broken promise
// (stale reads after complete, lost durable invalidations, dishonest reports, surviving stale
// values, unconverged interrupted invalidations, stuck outboxes, dead-lettered entries, calls that
// never settled); exits 1 if any is not zero. Every step of a run is under the run's watchdog: a
// step that does not settle within settleMs is reported as hung with what was pending (stopped
// clusters, outbox sizes, lease holders, calls in flight), and the soak goes on to the next seed.
// --verbose prints every operation, fault and drain step.
// Usage: node bench/fault-soak.mjs [--seeds N] [--first SEED] [--operations N] [--verbose]
// (also run at the end of bench/faults.mjs with its defaults).
import { parseArgs } from "node:util";
import { config } from "@org/config";
import { runFaultModel, startLocalRegions } from "../dist/testing.js";

export async function soak({ seeds = 10, first = 1, operations = 400, verbose = false } = {}) {
  const local = await startLocalRegions({ persistence: "appendonly" });
  // Interrupted (Ctrl-C, a kill), the soak stops its servers: left behind, they would stay SIGSTOPped.
  const interrupted = (signal) => void local.stop().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  const totals = { operations: 0, invalidations: 0, complete: 0, durable: 0, backlog: 0 };
  const broken = {
    staleReads: 0,
    lostDurable: 0,
    dishonest: 0,
    survivingStale: 0,
    unconverged: 0,
    stuck: 0,
    deadLettered: 0,
    hung: 0,
  };
  const counts = {};
  try {
    for (let seed = first; seed < first + seeds; seed++) {
      // Every third seed is the scale shape: twenty instances over a 10k backlog.
      const scale = seed % 3 === 0;
      const started = performance.now();
      const report = await runFaultModel({
        local,
        seed,
        operations: scale ? Math.ceil(operations / 4) : operations,
        instances: scale ? 20 : 6,
        backlog: scale ? 10_000 : 0,
        processDeaths: scale ? 0 : 3,
        opTimeoutMs: config.cache.opTimeoutMs,
        settleMs: config.timeouts.test * 2,
        ...(verbose
          ? {
              log: (line) =>
                console.log(`  [seed ${seed} +${((performance.now() - started) / 1000).toFixed(1)} s] ${line}`),
            }
          : {}),
      });
      for (const [kind, n] of Object.entries(report.counts)) {
        counts[kind] = (counts[kind] ?? 0) + n;
        totals.operations += n;
      }
      totals.invalidations += report.invalidations.total;
      totals.complete += report.invalidations.complete;
      totals.durable += report.invalidations.durable;
      totals.backlog += report.backlogDelivered;
      const found = Object.keys(broken).map((k) => [k, report[k].length]);
      for (const [k, n] of found) broken[k] += n;
      console.log(
        `seed ${seed} (${scale ? "20 instances, 10k backlog" : "6 instances"}): ${Object.values(report.counts).reduce((a, b) => a + b, 0)} operations, ${report.invalidations.total} invalidations (${report.invalidations.complete} complete, ${report.invalidations.durable} durable) in ${((performance.now() - started) / 1000).toFixed(1)} s; broken: ${found.map(([k, n]) => `${k} ${n}`).join(", ")}`,
      );
      for (const k of Object.keys(broken)) for (const line of report[k]) console.log(`  ${k}: ${line}`);
    }
  } finally {
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
    await local.stop();
  }
  console.log(
    `fault soak: ${seeds} seeds, ${totals.operations} operations (${Object.entries(counts)
      .map(([k, n]) => `${k} ${n}`)
      .join(
        ", ",
      )}), ${totals.invalidations} invalidations (${totals.complete} complete, ${totals.durable} durable), ${totals.backlog} backlog entries delivered`,
  );
  console.log(
    `  broken promises: ${Object.entries(broken)
      .map(([k, n]) => `${k} ${n}`)
      .join(", ")} (goal: all 0)`,
  );
  return Object.values(broken).every((n) => n === 0);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      seeds: { type: "string" },
      first: { type: "string" },
      operations: { type: "string" },
      verbose: { type: "boolean" },
    },
  });
  const ok = await soak({
    ...(values.seeds ? { seeds: Number(values.seeds) } : {}),
    ...(values.first ? { first: Number(values.first) } : {}),
    ...(values.operations ? { operations: Number(values.operations) } : {}),
    verbose: values.verbose === true,
  });
  process.exitCode = ok ? 0 : 1;
  // A step left behind by the watchdog may still hold connections or timers: end anyway, with the verdict.
  if (!ok) process.exit();
}
