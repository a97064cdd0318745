// What a JavaScript text shows of an HTTP client's default timeout, read from the text alone (no parse): the detector
// (`client-defaults.ts`) and the package pass that tells every file of a package (`package-candidates.ts`) share it,
// and a run that needs only the text test does not load the detector.

/** Text that arms a timer that aborts (`setTimeout(() => controller.abort())`): any client's request may be bounded. */
export const ABORTS_BY_TIMER = /\bsetTimeout\s*\(\s*\(\)\s*=>\s*\w*\.abort\(/;

/**
 * Text that sets a client's default timeout, or arms a timer that aborts (`.defaults.timeout`, `ABORTS_BY_TIMER`). A
 * request interceptor is read on its own by `setsClientTimeout`.
 */
const SETS_DEFAULT_OR_ABORTS = new RegExp(String.raw`\.defaults\.timeout\b|\.defaults\s*=|` + ABORTS_BY_TIMER.source);

/** The start of a request interceptor's registration, up to its first argument: `api.interceptors.request.use(`. */
const REQUEST_INTERCEPTOR = /\binterceptors\.request\.use\s*\(\s*/g;

/** What may bound a request from inside an interceptor: `config.timeout = ...`, a `signal`, a cancel token. */
const BOUNDS_IN_INTERCEPTOR = /timeout|signal|cancelToken|abort/i;

/** The most text an interceptor's registration is read over; a longer one is taken to set a timeout. */
const MAX_INTERCEPTOR = 4000;

/**
 * Whether the text sets an HTTP client's default timeout, or may set one on every request: a request interceptor
 * whose function is written in place and mentions no timeout, signal or abort only adds headers or logs (coda's
 * `config.headers.Authorization = ...`), so it bounds nothing; one handed by name (`use(addTimeout)`), or one the scan
 * cannot close, may.
 */
export function setsClientTimeout(text: string): boolean {
  if (SETS_DEFAULT_OR_ABORTS.test(text)) return true;
  if (!text.includes("interceptors.request")) return false;
  let registrations = 0;
  for (const match of text.matchAll(REQUEST_INTERCEPTOR)) {
    registrations++;
    const from = match.index + match[0].length;
    if (!/^(?:async\b|function\b|\(|[\w$]+\s*=>)/.test(text.slice(from, from + 40))) return true;
    const end = callEnd(text, from);
    if (end === undefined || BOUNDS_IN_INTERCEPTOR.test(text.slice(from, end))) return true;
  }
  // `interceptors.request` read some other way (`.handlers`, handed on): it may be given a timeout.
  return (text.match(/\binterceptors\.request\b/g) ?? []).length > registrations;
}

/**
 * Where the call whose arguments start at `from` closes (after its `)`), skipping strings and comments; undefined when
 * it does not close within `MAX_INTERCEPTOR` characters.
 */
function callEnd(text: string, from: number): number | undefined {
  let depth = 1;
  const limit = Math.min(text.length, from + MAX_INTERCEPTOR);
  for (let i = from; i < limit; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'" || c === "`") {
      for (i++; i < limit && text[i] !== c; i++) if (text[i] === "\\") i++;
    } else if (c === "/" && text[i + 1] === "/") {
      while (i < limit && text[i] !== "\n") i++;
    } else if (c === "/" && text[i + 1] === "*") {
      const close = text.indexOf("*/", i + 2);
      if (close < 0) return undefined;
      i = close + 1;
    } else if (c === "(" || c === "{" || c === "[") depth++;
    else if (c === ")" || c === "}" || c === "]") {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return undefined;
}

/** An import of Node's own HTTP client (`require("https")`, `from "node:http"`), whose requests have no timeout. */
export const IMPORTS_NODE_HTTP = String.raw`\brequire\s*\(\s*["'](?:node:)?https?["']\s*\)|\bfrom\s+["'](?:node:)?https?["']`;

/** An import of got or request (and request-promise), whose requests have no timeout unless given one. */
export const IMPORTS_GOT_OR_REQUEST = String.raw`(?:\brequire\s*\(\s*|\bfrom\s+)["'](?:got|request|request-promise(?:-native)?)["']`;

/** Text that may request on a client whose default is no timeout (axios, node-fetch and its wrappers, got, request). */
export const MAY_REQUEST_WITHOUT_DEFAULT = new RegExp(
  `axios|node-fetch|cross-fetch|isomorphic-unfetch|${IMPORTS_GOT_OR_REQUEST}`,
);
