// Kinds of timeout names that bound no wait of a caller: an expiry or a lease (`visibility_timeout`), an idle
// timeout (`keepAliveTimeout`).
import { words } from "./name-words.ts";

/**
 * Words before "timeout" that make it an expiry or a lease, not a wait: `visibility_timeout`,
 * `SESSION_TIMEOUT = 1800` (a login or cookie session's lifetime), `logicalSessionTimeoutMinutes`,
 * `cacheTimeout` / `ttlTimeout` / `cache_timeout` (how long an entry stays cached: werkzeug's max-age, Django's TTL),
 * `sts_token_timeout` / `_tokenTimeout` (how long a credential token stays valid), `NORMAL_PRIORITY_TIMEOUT` (React's
 * scheduler: when a task of that priority expires and runs without yielding; nothing waits on it), `sessionCookieTimeout`
 * (how long a cookie lives: snowplow's tracker), y-protocols' awareness `outdatedTimeout` (how old a peer's presence
 * state may grow before it is dropped), an analytics tracker's `VISITOR_TIMEOUT_SEC` (how long a visitor's id cookie lives:
 * gb-tracker-client, fresh218), an expiry's or an expiration's (`defaultSummarizerCacheExpiryTimeout`, the age past
 * which @fluidframework/odsp-driver refetches a cached snapshot, fresh280; ydb-sdk's `tokenExpirationTimeout`), and a
 * signed URL's (`PRESIGNED_URL_TIMEOUT`: how long the link stays valid).
 */
const EXPIRY = new Set(
  "session visibility cache ttl token priority cookie outdated visitor expiry expiration".split(" "),
);
/** Words before "url" that make it a signed URL, valid for a while: `presignedUrlTimeout`, `SIGNED_URL_TIMEOUT`. */
const SIGNED = new Set(["presigned", "signed", "presign"]);
/** Words between an expiry word and "timeout" that keep it an expiry: `SESSION_IDLE_TIMEOUT` (reaped when idle). */
const EXPIRY_IDLE = new Set(["idle", "inactivity", "inactive"]);
/** Protocols whose session timeout is an idle timeout of a connection, a wait: `http2SessionTimeout`. */
const CONNECTION_SESSIONS = new Set(["http", "http2", "h2", "tls", "ssl", "ssh", "sftp"]);

/**
 * Verbs before "token" that make the timeout a wait for one: `DEFAULT_REQUEST_TOKEN_TIMEOUT_SECS` (hyperion-py's wait
 * for the user to approve a token request), `fetchTokenTimeout`, `acquire_token_timeout`, `validateTokenTimeoutMs`
 * (@springtree/eva-sdk-signalr's bound on the token check before a reconnect, fresh278). Not `refresh`: a refresh
 * token is a token.
 */
const TOKEN_WAITS = new Set(["request", "fetch", "get", "acquire", "obtain", "wait", "validate", "verify", "exchange"]);

/** `visibility_timeout`, `SESSION_IDLE_TIMEOUT`: the words before the timeout word at `at` name an expiry or a lease. */
export function expiryAt(parts: readonly string[], at: number): boolean {
  const before = at > 1 && EXPIRY_IDLE.has(parts[at - 1]!) ? at - 1 : at;
  const previous = before > 1 ? parts[before - 2]! : "";
  // `DEFAULT_PRESIGNED_URL_TIMEOUT = 300` (bedrock-agentcore, fresh305): how long a signed URL stays valid.
  if (before > 0 && parts[before - 1] === "url" && SIGNED.has(previous)) return true;
  if (before === 0 || !EXPIRY.has(parts[before - 1]!)) return false;
  if (parts[before - 1] === "token" && TOKEN_WAITS.has(previous)) return false;
  return !CONNECTION_SESSIONS.has(previous);
}

/** Whether a name (a setter's, `changeVisibilityTimeout`) names an expiry or a lease rather than a wait. */
export function isExpiryName(name: string | undefined): boolean {
  if (name === undefined || !/timeout/i.test(name)) return false;
  const parts = words(name);
  return expiryAt(
    parts,
    parts.findIndex((w) => w.endsWith("timeout")),
  );
}

/** Words of an idle timeout: how long an unused connection, socket or worker is kept before it is closed. */
const IDLE = new Set(["idle", "lazy", "linger", "keepalive", "free", "inactivity"]);

/**
 * Whether a timeout name is an idle timeout (`idleTimeout`, `lazyCloseTimeout`, `keepAliveTimeout`,
 * `freeSocketTimeout`): 0 there switches the idle timer off (or closes at once); no caller waits on it.
 */
export function isIdleTimeout(name: string): boolean {
  const parts = words(name).join(" ").replace("keep alive", "keepalive").split(" ");
  return parts.some((w) => IDLE.has(w));
}

/**
 * A function named as a debounce or a throttle (`debounce(fn, timeout = 0)`, lodash's written again; psygnal's
 * `throttled(func, timeout=100)` / `debounced(...)`): its duration is how long it waits for quiet (or between calls)
 * before calling through, not a bound on a wait, whatever the parameter is called. Both languages.
 */
export const QUIET_PERIOD_FUNCTION = /^_?(debounce|throttle)d?$/i;

/** Keys whose value is how long to wait before something happens again: `retryDelay`, `pollInterval`, `delayMs`. */
export const DELAY_KEY = /^(?:[a-z]\w*(?:Delay|Interval)|delay|interval)(?:Ms|Millis)?$/;
