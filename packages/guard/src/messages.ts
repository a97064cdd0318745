// The text of a finding: what it found, what to use instead (the config setting of the finding's language, the test
// profile for a test runner's timeout) and how to suppress one line. The rules themselves are rules.ts.
import { DIRECTIVE } from "./rules.ts";

/** What a timeout takes instead of a literal in JavaScript and TypeScript. */
const CONFIG_HINT = "config.TIMEOUT from @org/config (dev 5 s, staging 30 s, prod 60 s)";

type Language = "js" | "python";

/** Python's counterpart of CONFIG_HINT: the org-toolkit package reads the same settings without Node. */
const PY_CONFIG_HINT =
  "config.timeout_s from org_toolkit (`from org_toolkit import config`; seconds, 5/30/60 by ORG_ENV)";

/** What to use instead, in the finding's language; test-runner timeouts take the test profile. */
function instead(language: Language, isTest: boolean): string {
  if (language === "python") {
    return isTest
      ? "Use config.timeouts.test / 1000 from org_toolkit (the test profile: TIMEOUT with retries) instead"
      : `Use ${PY_CONFIG_HINT} instead`;
  }
  return isTest
    ? "Use config.timeouts.test from @org/config (the test profile: TIMEOUT with retries) instead"
    : `Use ${CONFIG_HINT} instead`;
}

/** How to suppress one line, in the finding's language. */
function suppressionHint(language: Language, rule: string): string {
  return `${language === "python" ? "#" : "//"} ${DIRECTIVE} ${rule} -- <reason>`;
}

/** A literal as a message quotes it: on one line (a multi-line tuple or object is written with its newlines). */
function oneLine(literal: string): string {
  return literal.replace(/\s+/g, " ");
}

export function hardcodedMessage(literal: string, where: string, language: Language, isTest = false): string {
  const tail = language === "python" ? `, or suppress it: ${suppressionHint(language, "no-hardcoded-timeout")}` : "";
  return `Hardcoded timeout ${oneLine(literal)} ${oneLine(where)}. ${instead(language, isTest)}${tail}.`;
}

export function unboundedMessage(literal: string, where: string, language: Language, isTest = false): string {
  const tail = language === "python" ? `, or suppress it: ${suppressionHint(language, "no-unbounded-timeout")}` : "";
  return `Unbounded timeout ${oneLine(literal)} ${oneLine(where)}: it waits forever. ${instead(language, isTest)}${tail}.`;
}

export function missingTimeoutMessage(call: string): string {
  return `${call}() has no timeout, so it waits forever when the server stops answering. Pass timeout=config.timeout_s (\`from org_toolkit import config\`).`;
}

/**
 * A standard-library network call without a timeout (`urlopen(url)`, `HTTPConnection(host)`): it waits with the socket
 * module's global default, None unless the program sets one. `takesTimeout`: the call has a `timeout` parameter.
 */
export function socketDefaultMessage(call: string, takesTimeout: boolean, api: string): string {
  const startup = "call socket.setdefaulttimeout(config.timeout_s) at startup";
  const bound = !takesTimeout
    ? api.endsWith("urlretrieve")
      ? `Fetch with urllib.request.urlopen(url, timeout=config.timeout_s) instead, or ${startup}`
      : `Pass transport= an instance of a subclass of xmlrpc.client.Transport (SafeTransport for https) whose make_connection(self, host) does conn = super().make_connection(host); conn.timeout = config.timeout_s; return conn, or ${startup}`
    : api.startsWith("imaplib.")
      ? `Pass timeout=config.timeout_s (Python 3.9 and later; before 3.9 IMAP4 takes none: ${startup})`
      : "Pass timeout=config.timeout_s";
  // `get_page()` after `from urllib.request import urlopen as get_page`: say which function it is.
  const named = api === call || api.endsWith(`.${call}`) ? `${call}()` : `${call}() (${api})`;
  return `${named} ${takesTimeout ? "has no timeout" : "takes no timeout"}, so it waits with the socket module's default timeout, None (no limit) unless the program calls socket.setdefaulttimeout(): forever when the server stops answering. ${bound} (\`from org_toolkit import config\`).`;
}

/** httpx's implicit 5 s default: bounded, but hardcoded in the library. */
export function implicitDefaultMessage(call: string): string {
  return `${call}() has no timeout=, so it uses httpx's built-in 5 s default: a hardcoded timeout that staging load exceeds. Pass timeout=config.timeout_s (\`from org_toolkit import config\`).`;
}

export function localDeleteMessage(call: string): string {
  return `${call}() on a raw Redis client deletes in this region only; the other regions keep serving the key. Use cache.invalidate(key) from @org/cache-client (Python: RegionalCache().invalidate(key) from org_toolkit.cache), which reaches every cluster.`;
}

/** A JavaScript HTTP client whose default is no timeout (axios, node-fetch, got, request), called without one. */
/** A request of Node's own HTTP client that nothing bounds (`node-requests.ts`). */
export function missingNodeTimeoutMessage(call: string): string {
  return `${call}() has no timeout, so it waits forever when the server stops answering (Node sets none on a request). Pass { signal: AbortSignal.timeout(config.TIMEOUT) } (config from @org/config), or set req.setTimeout(config.TIMEOUT, () => req.destroy()).`;
}

export type ClientLibrary = "axios" | FetchLibrary | "got" | "request";

/** node-fetch and the packages that are node-fetch on Node (and a fetch with no deadline in a browser). */
export type FetchLibrary = "node-fetch" | "cross-fetch" | "isomorphic-unfetch";

export function missingClientTimeoutMessage(call: string, library: ClientLibrary): string {
  if (library === "got")
    return `${call}() from got has no timeout, so it waits forever when the server stops answering (got sets none by default). Pass { timeout: { request: config.TIMEOUT } } (config from @org/config).`;
  if (library === "request")
    return `${call}() from request has no timeout, so it waits forever when the server stops answering (request sets none by default). Pass { timeout: config.TIMEOUT } (config from @org/config).`;
  if (library !== "axios")
    return `${call}() from ${library} has no timeout or signal, so it waits forever when the server stops answering (${library} sets no deadline of its own). Pass { signal: AbortSignal.timeout(config.TIMEOUT) } (config from @org/config).`;
  const made = call === "axios.create" ? "makes a client without a timeout" : "has no timeout";
  return `${call}() ${made}, so its requests wait forever when the server stops answering (axios's default timeout is 0: none). Pass { timeout: config.TIMEOUT } (config from @org/config).`;
}
