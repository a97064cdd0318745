// Which `Infinity` handed under a timeout key of a call's options is a wait's "no limit" (session 22 mend). An
// `Infinity` means "never" to whatever reads it, but "never" is a wait without a limit only where the value bounds a
// wait: a request, a fetch, a connection, a query. Under an idle, eviction, lifetime or cache key (generic-pool's
// `idleTimeout: Infinity`: never evict an idle resource) it is a lifetime, and a retry key counts attempts.
import type { OptionTimeout } from "./no-limit.ts";

/** Keys whose value is a lifetime or a count, not a wait's bound: `idleTimeout`, `evictionTimeout`, `cacheTimeout`. */
const LIFETIME_KEY = /idle|evict|life|ttl|cache|retr|keep_?alive|linger|expir|heartbeat|session|interval/i;

/** Keys that name the wait they bound: `requestTimeout`, `connectTimeout`, `responseTimeout`, `acquireTimeout`. */
const WAIT_KEY = /request|response|connect|read|write|socket|query|statement|acquire|wait|call|rpc|fetch/i;

/** A receiver whose name says it waits on a request: `safeFetchWrap`, `makeRequest`, `http.get`, `connect`. */
const WAITING_RECEIVER = /fetch|request|http|connect|query|rpc|wait/i;

/**
 * The names whose `Infinity` the file hands to a wait under a timeout key: the key names the wait, or the receiver (a
 * known timeout API, `knownApi`, or a callee whose own name says it waits) does, and the key is no lifetime's. A bare
 * `timeout` handed to a receiver nobody here knows stays its business.
 */
export function infiniteOptionWaits(
  options: readonly OptionTimeout[],
  knownApi: (callee: string) => boolean,
): Set<string> {
  const names = new Set<string>();
  for (const { callee, key, names: read } of options) {
    if (LIFETIME_KEY.test(key)) continue;
    const called = callee.slice(callee.lastIndexOf(".") + 1);
    if (WAIT_KEY.test(key) || WAITING_RECEIVER.test(called) || knownApi(callee))
      for (const name of read) names.add(name);
  }
  return names;
}
