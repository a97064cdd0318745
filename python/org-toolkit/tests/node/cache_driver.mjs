// Drives @org/cache-client for the Python conformance runner: one JSON command per stdin line,
// one JSON answer per stdout line. Each command opens a fresh cache on the given topology and
// closes it before answering, so no TypeScript relay keeps running between steps.
//   {"op":"invalidate","regions":[...],"keys":[...],"opTimeoutMs":N}  -> {"ok": report} | {"error": {code, message}}
//   {"op":"relay","regions":[...],"rounds":N,"opTimeoutMs":N}         -> {"ok": {"delivered": n}}
//   {"op":"get","key","failClosed"?,"freshnessMs"?,...}               -> {"ok": value | null}
//   {"op":"getOrSet","key","value",...}                               -> {"ok": value}
//   {"op":"lease","key",...}                                          -> {"ok": {"key", "generations": {cluster: token}}}
//   {"op":"set","key","value","lease"?,...}                           -> {"ok": {"stored": [cluster]}}
import { createInterface } from "node:readline";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const require = createRequire(new URL("../../package.json", import.meta.url));
const { createRegionalCache } = await import(pathToFileURL(require.resolve("@org/cache-client")).href);

async function run(command) {
  const cache = createRegionalCache({
    topology: { regions: command.regions },
    localRegion: command.localRegion ?? command.regions[0].id,
    opTimeoutMs: command.opTimeoutMs,
    ...(command.freshnessMs !== undefined ? { freshnessMs: command.freshnessMs } : {}),
    // A relay round runs only when asked (deliverQueued): the runner decides who relays.
    relayIntervalMs: 600_000,
  });
  cache.on?.("error", () => {});
  try {
    if (command.op === "invalidate") return await cache.invalidate(command.keys);
    if (command.op === "relay") {
      let delivered = 0;
      for (let i = 0; i < command.rounds; i++) delivered += await cache.deliverQueued();
      return { delivered };
    }
    if (command.op === "get")
      return (await cache.get(command.key, { failClosed: command.failClosed === true })) ?? null;
    if (command.op === "getOrSet") return await cache.getOrSet(command.key, () => command.value);
    if (command.op === "lease") {
      const lease = await cache.lease(command.key);
      return { key: lease.key, generations: Object.fromEntries(lease.generations) };
    }
    if (command.op === "set") {
      const lease = command.lease && {
        key: command.lease.key,
        generations: new Map(Object.entries(command.lease.generations)),
      };
      return await cache.set(command.key, command.value, lease ? { lease } : {});
    }
    throw new Error(`unknown op ${command.op}`);
  } finally {
    await cache.close();
  }
}

for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  let answer;
  try {
    answer = { ok: await run(JSON.parse(line)) };
  } catch (error) {
    answer = { error: { code: error?.code ?? "ERROR", message: String(error?.message ?? error) } };
  }
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}
