// JS `no-hardcoded-timeout`, session 59 (issue 9), from blind sets fresh311 (@mastra/libsql) and fresh309
// (@powersync/lib-service-mongodb): the clock less a duration, made a date, is a moment in the past that a query
// holds rows or locks against; older ones are stale and reclaimed. The duration is how long a claim or a lock lives,
// not a bound on a wait. A deadline ahead of now, and a poll that fails once its own time is spent, stay reported.
const DEFAULT_LOCK_TIMEOUT = 60 * 1000;
const CALL_TIMEOUT = 15000; // expect: no-hardcoded-timeout
const READY_TIMEOUT = 20000; // expect: no-hardcoded-timeout

export async function claimOutbox(db, input) {
  const now = input.now ?? new Date();
  const stale = new Date(now.getTime() - (input.claimTimeoutMs ?? 6e4));
  return db.execute({ sql: "SELECT id FROM outbox WHERE claimedAt <= ?", args: [stale.toISOString()] });
}

export async function takeLock(collection, params) {
  const now = new Date();
  const lock_timeout = params.timeout ?? DEFAULT_LOCK_TIMEOUT;
  const expired_ts = now.getTime() - lock_timeout;
  return collection.updateOne({ name: params.name, "active_lock.ts": { $lte: new Date(expired_ts) } }, { $set: {} });
}

export function call(client, request) {
  return client.unary(request, { deadline: new Date(Date.now() + CALL_TIMEOUT) });
}

export async function waitForReady(probe) {
  const started = Date.now();
  while (!(await probe())) {
    if (started < Date.now() - READY_TIMEOUT) throw new Error("not ready");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
