import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { findRedisServer, startLocalRedisCluster, startLocalRegions } from "../src/testing/index.ts";
import { hasRedis } from "./profile.ts";

/**
 * A redis-server stand-in that records the pid of every server it starts and makes start number
 * `failAt` fail: at once (`exit 1`), or after the others are up (`late`). The recorded pid is the
 * real redis-server's (the script `exec`s it), so the test can see whether any survived.
 *
 * Before its `exec` the script runs shell builtins only (a no-clobber redirect claims a start number):
 * killing the script cannot orphan a child such as `mkdir`, which used to create its directory after
 * the test's clean-up had emptied the folder (ENOTEMPTY, about one run in three).
 */
function flakyServer(failAt: number, others: number, when: "early" | "late") {
  const dir = mkdtempSync(join(tmpdir(), "org-flaky-redis-"));
  const script = join(dir, "redis-server");
  writeFileSync(
    script,
    `#!/bin/sh
set -C
i=0
while ! true 2>/dev/null >"${dir}/start-$i"; do i=$((i + 1)); done
if [ "$i" -eq ${failAt} ]; then
  ${when === "late" ? `while [ "$(cat "${dir}/pids" 2>/dev/null | wc -l)" -lt ${others} ]; do sleep 0.05; done; sleep 0.5` : ""}
  echo "refusing to start (a broken node, on purpose)" >&2
  exit 1
fi
echo $$ >> "${dir}/pids"
exec "${findRedisServer()!}" "$@"
`,
  );
  chmodSync(script, 0o755);
  return {
    script,
    pids: () =>
      (existsSync(join(dir, "pids")) ? readFileSync(join(dir, "pids"), "utf8") : "")
        .split("\n")
        .filter(Boolean)
        .map(Number),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function serverPid(port: number): Promise<number> {
  const client = new Redis(port, "127.0.0.1", { maxRetriesPerRequest: 0 });
  try {
    return Number(/process_id:(\d+)/.exec(await client.info("server"))![1]);
  } finally {
    client.disconnect();
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe.skipIf(!hasRedis)("the local Redis kit cleans up after a failed start", () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  for (const when of ["early", "late"] as const) {
    it(`startLocalRegions: one of six servers fails to start (${when}); it rejects naming it, and no server it started survives`, async () => {
      const flaky = flakyServer(3, 5, when);
      cleanups.push(flaky.cleanup);
      const error = (await startLocalRegions({ redisServer: flaky.script }).catch((e: unknown) => e)) as Error;
      expect(error).toBeInstanceOf(Error);
      expect(error.message).toMatch(/exited with code 1[\s\S]*refusing to start/);
      const pids = flaky.pids();
      // Early, some of the others may not have been spawned yet when the failure is seen.
      if (when === "late") expect(pids).toHaveLength(5);
      expect(pids.filter(alive)).toEqual([]);
    });

    it(`startLocalRedisCluster: one of three nodes fails to start (${when}); it rejects, and no node survives`, async () => {
      const flaky = flakyServer(1, 2, when);
      cleanups.push(flaky.cleanup);
      const error = (await startLocalRedisCluster(3, { redisServer: flaky.script }).catch((e: unknown) => e)) as Error;
      expect(error).toBeInstanceOf(Error);
      expect(error.message).toMatch(/exited with code 1[\s\S]*refusing to start/);
      const pids = flaky.pids();
      if (when === "late") expect(pids).toHaveLength(2);
      expect(pids.filter(alive)).toEqual([]);
    });
  }

  it("restart of a server that is still running replaces it: the old process does not survive", async () => {
    const local = await startLocalRegions({ regions: [{ id: "us-east-1", geo: "us", clusters: 1 }] });
    try {
      const id = local.clusterIds[0]!;
      const before = await serverPid(local.port(id));
      await local.restart(id);
      const after = await serverPid(local.port(id));
      expect(after).not.toBe(before);
      expect(alive(before)).toBe(false);
      expect(alive(after)).toBe(true);
    } finally {
      await local.stop();
    }
  });
});
