import type { Cluster } from "./types.ts";

const REDACTED = "***";

/**
 * Query parameters whose values are hidden: any name containing one of these fragments
 * (`client_secret`, `refresh_token`, `x-api-key`, `X-Amz-Signature`, `password`, ...), and `code`.
 */
export const SECRET_QUERY_NAME = /secret|token|key|pass|pwd|auth|sig|cred|session|^code$/i;

/**
 * The URL with its credentials replaced by `***`: user info, and the values of query parameters
 * whose names look secret (see `SECRET_QUERY_NAME`). Text that does not parse as a URL, or whose
 * authority is ambiguous (a raw `/` in a password), has everything up to its last `@` hidden.
 *
 * @example redactUrl("rediss://svc:hunter2@redis.internal:6380") // "rediss://***@redis.internal:6380"
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return redactText(url);
  }
  if (ambiguousAuthority(url, parsed)) return redactText(url);
  let changed = false;
  if (parsed.username || parsed.password) {
    parsed.username = REDACTED;
    parsed.password = "";
    changed = true;
  }
  for (const name of new Set(parsed.searchParams.keys())) {
    if (SECRET_QUERY_NAME.test(name)) {
      parsed.searchParams.set(name, REDACTED);
      changed = true;
    }
  }
  // Untouched URLs keep their spelling; a rewritten one is printed from its parsed form.
  return changed ? parsed.toString().replace(/%2A%2A%2A/g, REDACTED) : url;
}

// An "@" after the parsed host, before the query, with user-info-like text before it: a password
// holding a raw "/" made the parser stop early (`redis://u:ab/cd@host` reads as host "u").
function ambiguousAuthority(url: string, parsed: URL): boolean {
  const beforeQuery = url.split(/[?#]/, 1)[0] ?? "";
  return !parsed.username && !parsed.password && /^[a-z][a-z0-9+.-]*:[\\/]*[^@]*:[^@]*@/i.test(beforeQuery);
}

function redactText(text: string): string {
  const beforeQuery = text.split(/[?#]/, 1)[0] ?? "";
  const at = beforeQuery.lastIndexOf("@");
  if (at < 0) return text;
  const scheme = /^\s*[a-z][a-z0-9+.-]*:[\\/]*/i.exec(text)?.[0] ?? "";
  return `${scheme}${REDACTED}${text.slice(at)}`;
}

/**
 * Why a Redis URL is refused, or undefined when it is sound: it must parse as a whole, use
 * redis:// or rediss://, name a host, and give a port from 1 to 65535 when it gives one.
 * `"scheme"` means it is not a redis:// or rediss:// URL at all. The reason never quotes the URL.
 */
export function redisUrlProblem(url: string): string | undefined {
  if (!/^rediss?:\/\//i.test(url)) return "scheme";
  if (/\s/.test(url)) return "it contains whitespace";
  const authority = url.slice(url.indexOf("//") + 2).split(/[/?#]/, 1)[0] ?? "";
  const afterAuthority = url.slice(url.indexOf("//") + 2 + authority.length);
  if (afterAuthority.split(/[?#]/, 1)[0]?.includes("@")) {
    return 'its password seems to hold a raw "/": percent-encode it as %2F';
  }
  const hostPort = authority.slice(authority.lastIndexOf("@") + 1);
  const port = /^(?:\[[^\]]*\]|[^:[\]]*)(?::(.*))?$/.exec(hostPort);
  if (!port) return "its host is malformed";
  if (port[1] !== undefined && !(/^\d{1,5}$/.test(port[1]) && Number(port[1]) >= 1 && Number(port[1]) <= 65535)) {
    return "the port must be a number from 1 to 65535";
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "it does not parse as a URL";
  }
  if (!parsed.hostname) return "it names no host";
  return undefined;
}

// The loaded config only ever holds redacted URLs, so printing, logging or serialising it
// cannot leak a password; the real URL stays here, reachable only through connectionUrl().
const realUrls = new WeakMap<object, string>();

export function rememberUrl(cluster: object, url: string): void {
  realUrls.set(cluster, url);
}

/** Thrown by `connectionUrl` for a cluster whose URL was redacted but is not one `@org/config` loaded. */
export class RedactedUrlError extends Error {
  override readonly name = "RedactedUrlError";
  readonly code = "ORG_CONFIG_REDACTED_URL";
}

/**
 * The URL to connect to a cluster with, credentials included. For Redis clients only: never log it.
 * Pass the cluster object from `config` itself: a copy (`{ ...cluster }`, `structuredClone`) keeps
 * only the redacted URL and is refused with a `RedactedUrlError`. Clusters written by hand (tests,
 * `createRegionalCache({ topology })`) are returned as given.
 */
export function connectionUrl(cluster: Pick<Cluster, "url">): string {
  const real = realUrls.get(cluster);
  if (real !== undefined) return real;
  if (cluster.url.includes(`${REDACTED}@`) || /[?&][^=&]*=\*\*\*(&|$)/.test(cluster.url)) {
    throw new RedactedUrlError(
      `connectionUrl: cluster URL ${cluster.url} is redacted; pass the cluster object from config itself (not a spread or clone), which keeps the real URL`,
    );
  }
  return cluster.url;
}
