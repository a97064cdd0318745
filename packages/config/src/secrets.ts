import type { Cluster } from "./schema.ts";

const REDACTED = "***";
const SECRET_QUERY_PARAMS =
  /^(password|pass|pwd|auth|token|secret|key|api[_-]?key|access[_-]?token|signature|sig|code)$/i;

/**
 * The URL with its credentials replaced by `***`: user info, and query parameters
 * such as `password` or `token`. Text that is not a URL has anything before an `@` hidden.
 *
 * @example redactUrl("rediss://svc:hunter2@redis.internal:6380") // "rediss://***@redis.internal:6380"
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.replace(/\/\/[^/@\s]*@/, `//${REDACTED}@`);
  }
  let changed = false;
  if (parsed.username || parsed.password) {
    parsed.username = REDACTED;
    parsed.password = "";
    changed = true;
  }
  for (const name of [...parsed.searchParams.keys()]) {
    if (SECRET_QUERY_PARAMS.test(name)) {
      parsed.searchParams.set(name, REDACTED);
      changed = true;
    }
  }
  return changed ? parsed.toString().replace(/%2A%2A%2A/g, REDACTED) : url;
}

// The loaded config only ever holds redacted URLs, so printing, logging or serialising it
// cannot leak a password; the real URL stays here, reachable only through connectionUrl().
const realUrls = new WeakMap<object, string>();

export function rememberUrl(cluster: object, url: string): void {
  realUrls.set(cluster, url);
}

/**
 * The URL to connect to a cluster with, credentials included. For Redis clients only:
 * never log it. Clusters that did not come from `@org/config` are returned as given.
 */
export function connectionUrl(cluster: Pick<Cluster, "url">): string {
  return realUrls.get(cluster) ?? cluster.url;
}
