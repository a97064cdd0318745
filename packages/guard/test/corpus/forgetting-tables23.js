// JS `no-hardcoded-timeout`, session 23 mend (review23 items 3 and 4): a timer that forgets a cache record's entry is
// its lifetime, but only a table the file keeps as a cache is forgotten. `pod.delete()` (or an HTTP client's
// `.delete(url)`) ends a remote resource; dropping a pending request's `{ resolve, reject }` is how the request ends;
// a lock table whose held entry turns the next caller away (`if (locks[key]) return false`) bounds the waiters' wait
// for a dead holder (the stale-lock precedent of eval/README.md's labels: batch-cluster, snowflake-sdk).
const POD_TIMEOUT = 600000; // expect: no-hardcoded-timeout
const REQUEST_TIMEOUT = 30000; // expect: no-hardcoded-timeout
const LOCK_TIMEOUT = 10000; // expect: no-hardcoded-timeout
const RESULT_TIMEOUT = 60000;
const SESSION_CACHE_TIMEOUT = 120000;
const pending = new Map();
const locks = {};
const results = new Map();
const sessions = {};

async function runBuild(k8s, spec) {
  const pod = await k8s.createPod(spec);
  const timer = setTimeout(() => pod.delete(), POD_TIMEOUT);
  await pod.waitForCompletion();
  clearTimeout(timer);
  return pod.logs();
}

function call(ws, id, msg) {
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    setTimeout(() => {
      pending.delete(id);
    }, REQUEST_TIMEOUT);
    ws.send(JSON.stringify({ id, msg }));
  });
}

function acquire(key, owner) {
  if (locks[key]) return false;
  locks[key] = owner;
  setTimeout(() => {
    delete locks[key];
  }, LOCK_TIMEOUT);
  return true;
}

// Caches: the entry is a stored value, read back while it lives; the timer only ends its life.
async function lookup(key, compute) {
  if (results.has(key)) return results.get(key);
  const value = await compute(key);
  results.set(key, value);
  setTimeout(() => results.delete(key), RESULT_TIMEOUT);
  return value;
}

function remember(id, session) {
  if (sessions[id]) return sessions[id];
  sessions[id] = session;
  setTimeout(() => {
    delete sessions[id];
  }, SESSION_CACHE_TIMEOUT);
  return session;
}

module.exports = { runBuild, call, acquire, lookup, remember };
