import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { config, ENVIRONMENTS } from "@org/config";
import { createRegionalCache } from "@org/cache-client";
import { expectInvalidatedEverywhere, findRedisServer, startLocalRegions } from "@org/cache-client/testing";

const packageDir = fileURLToPath(new URL("../../../python/org-toolkit/", import.meta.url));
const python = `${packageDir}.venv/bin/python`;

// Runs Python with org-toolkit's sources (built by `pnpm demo`: the spec generated from @org/config).
function py(code: string, env: Record<string, string> = {}): string {
  const run = spawnSync(python, ["-c", code], {
    env: { PATH: process.env.PATH ?? "", PYTHONPATH: `${packageDir}src`, ...env },
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`python failed: ${run.stderr.trim().split("\n").at(-1)}`);
  return run.stdout.trim();
}

const INVALIDATE = `
import json
from org_toolkit.cache import RegionalCache
with RegionalCache() as cache:
    print(json.dumps(cache.invalidate("api_key:7:status").to_dict()))
`;

/** Part 3: a Python service reads the same timeouts and revokes a key; a TypeScript relay delivers it. */
export async function pythonPart(say: (line?: string) => void): Promise<void> {
  say();
  say("== Python: org-toolkit (python/org-toolkit) ==");
  if (!existsSync(python)) {
    say("skipped: no python3 >= 3.11 with venv here (apt-get install python3-venv), so org-toolkit was not built");
    return;
  }
  for (const env of ENVIRONMENTS) {
    const line = py("from org_toolkit import config; print(config.TIMEOUT, config.timeout_s)", { ORG_ENV: env });
    say(
      `  ORG_ENV=${env.padEnd(8)} org_toolkit.config.TIMEOUT, timeout_s = ${line.replace(" ", ", ")} (no Node involved)`,
    );
  }
  const redisServer = findRedisServer();
  if (!redisServer) {
    say("  (cross-language revocation skipped: redis-server is not installed)");
    return;
  }
  const local = await startLocalRegions({ redisServer });
  const relay = createRegionalCache({
    topology: local.topology,
    localRegion: "us-east-1",
    opTimeoutMs: config.cache.opTimeoutMs,
  });
  try {
    local.partition("ap-southeast-1-a");
    const regions = JSON.stringify(local.topology.regions);
    const report = JSON.parse(py(INVALIDATE, { ORG_ENV: "dev", ORG_REGIONS: regions })) as {
      queued: string[];
      delivered: string[];
      durable: boolean;
    };
    say(
      `  Python invalidate("api_key:7:status") with ap-southeast-1-a partitioned: delivered ${report.delivered.length}, queued ${report.queued.join(", ")}, durable ${report.durable}`,
    );
    // The relay's own loop may deliver before deliverQueued() is called: count its events instead.
    const delivered: string[] = [];
    relay.on("delivered", (event) => delivered.push(event.clusterId));
    local.heal("ap-southeast-1-a");
    for (let round = 0; round < 20; round++) {
      await relay.deliverQueued();
      try {
        await expectInvalidatedEverywhere(local.topology, "api_key:7:status");
        break;
      } catch {
        // not yet: another relay round
      }
    }
    await expectInvalidatedEverywhere(local.topology, "api_key:7:status");
    say(
      `  healed; a TypeScript relay (@org/cache-client) delivered it to ${[...new Set(delivered)].join(", ") || "(delivered before this relay saw it)"}: gone from all 6 clusters`,
    );
  } finally {
    await relay.close();
    await local.stop();
  }
}
