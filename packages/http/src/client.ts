import ky from "ky";
import { CALL_TIMEOUT_FACTOR, config as processConfig, redactUrl, type OrgConfig } from "@org/config";
import { attempt, type AttemptOutcome, type PreparedRequest } from "./attempt.ts";
import { HttpAttemptError, HttpError, HttpUsageError } from "./errors.ts";
import { jsonErrorPosition } from "./json-position.ts";
import { DEFAULT_RETRY_BUDGET, RetryBudget, nextRetry, type RetryBudgetOptions } from "./retry.ts";

const MAX_TIMER_MS = 2 ** 31 - 1;

type Failed = Extract<AttemptOutcome, { ok: false }>;

/** A failed attempt, thrown to ky so that its retry loop asks `shouldRetry`. */
class AttemptFailed extends Error {
  constructor(readonly outcome: Failed) {
    super(outcome.code);
  }
}

/** Options of `createHttpClient`. Every one has a default fit for the current environment. */
export interface HttpClientOptions {
  /**
   * Timeout of each attempt, in milliseconds: waiting for the headers and reading the whole body.
   * @default config.TIMEOUT (dev 5000, staging 30000, prod 60000)
   */
  timeoutMs?: number;
  /**
   * Bound on one whole call: every attempt, redirect and backoff. No retry starts that could not finish in time.
   * @default config.timeouts.call (TIMEOUT x 3), or timeoutMs x 3 when timeoutMs is given; one TIMEOUT below config.timeouts.test
   */
  deadlineMs?: number;
  /**
   * Retries after the first attempt, for idempotent methods only (unless `retryMethods` says otherwise).
   * @default 3
   */
  retries?: number;
  /**
   * Backoff before retry n is a random delay between 0 and `min(backoffMaxMs, backoffBaseMs * 2^(n-1))` (full jitter).
   * @default 300
   */
  backoffBaseMs?: number;
  /**
   * Upper bound of one backoff delay, and of a server's `Retry-After`.
   * @default the per-attempt timeout
   */
  backoffMaxMs?: number;
  /**
   * Methods that are retried. Retrying a POST can apply it twice; add it only for idempotent endpoints.
   * @default ["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]
   */
  retryMethods?: readonly string[];
  /**
   * Retries the client may spend across its calls, so a failing server sees at most
   * `calls x (1 + ratio) + reserve` requests. `false` turns the budget off.
   * @default { ratio: 0.2, reserve: 10 }
   */
  retryBudget?: RetryBudgetOptions | false;
  /**
   * Largest response body read, in bytes; a larger one is an `HttpError` (`ORG_HTTP_TOO_LARGE`).
   * @default 10485760 (10 MiB)
   */
  maxBytes?: number;
  /**
   * Base URL that relative request paths are resolved against.
   * @example createHttpClient({ prefixUrl: "https://keys.internal/v1" })
   */
  prefixUrl?: string;
  /** Headers sent with every request (never across origins: cross-origin redirects are refused). */
  headers?: Record<string, string>;
  /**
   * The configuration to take defaults from.
   * @default the process's `config` from `@org/config`
   */
  config?: OrgConfig;
  /** The fetch implementation. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
}

/** Per-request options. */
export interface RequestOptions {
  /** @default "GET" */
  method?: string;
  /** Headers for this request, added to the client's. */
  headers?: Record<string, string> | Headers;
  /** A body fetch can send again on a retry (no streams). */
  body?: string | Uint8Array | ArrayBuffer | URLSearchParams | FormData | Blob;
  /** A value sent as JSON (sets `content-type: application/json`). */
  json?: unknown;
  /** Query parameters appended to the URL. */
  searchParams?: Record<string, string | number | boolean> | URLSearchParams;
  /** Aborts the call; it then fails with `ORG_HTTP_ABORTED`. */
  signal?: AbortSignal;
}

/** The settings a client resolved from its options and config. */
export interface HttpClientSettings {
  readonly timeoutMs: number;
  readonly deadlineMs: number;
  readonly retries: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  readonly maxBytes: number;
  readonly retryMethods: readonly string[];
  readonly env: string;
}

export interface HttpClient {
  /** Sends a request; resolves with a 2xx response (body already read) or rejects with an `HttpError`. */
  request(url: string | URL, options?: RequestOptions): Promise<Response>;
  get(url: string | URL, options?: RequestOptions): Promise<Response>;
  head(url: string | URL, options?: RequestOptions): Promise<Response>;
  post(url: string | URL, options?: RequestOptions): Promise<Response>;
  put(url: string | URL, options?: RequestOptions): Promise<Response>;
  patch(url: string | URL, options?: RequestOptions): Promise<Response>;
  delete(url: string | URL, options?: RequestOptions): Promise<Response>;
  /** GET and parse the JSON body; a body that is not JSON is an `HttpError` (`ORG_HTTP_JSON`). */
  getJson<T = unknown>(url: string | URL, options?: RequestOptions): Promise<T>;
  /** The settings in force, resolved from options and config. */
  readonly settings: HttpClientSettings;
}

export const DEFAULT_RETRIES = 3;
export const DEFAULT_BACKOFF_BASE_MS = 300;
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const IDEMPOTENT_METHODS = ["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"] as const;

/**
 * An HTTP client whose every attempt (headers and body) is bounded by the environment's timeout,
 * whose whole call is bounded by `config.timeouts.call`, and whose transient failures (network
 * errors, timeouts, broken bodies, 408, 429, 5xx) are retried with exponential backoff and full
 * jitter, honouring `Retry-After`, within a retry budget.
 * @example
 * const http = createHttpClient({ prefixUrl: "https://keys.internal/v1" });
 * const key = await http.getJson<ApiKey>(`keys/${id}`);
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const source = options.config ?? processConfig;
  const timeoutMs = options.timeoutMs ?? source.TIMEOUT;
  const deadlineMs =
    options.deadlineMs ?? (options.timeoutMs === undefined ? source.timeouts.call : timeoutMs * CALL_TIMEOUT_FACTOR);
  const retries = options.retries ?? DEFAULT_RETRIES;
  const backoffBaseMs = options.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS;
  const backoffMaxMs = options.backoffMaxMs ?? timeoutMs;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const budgetOptions = options.retryBudget === false ? undefined : { ...DEFAULT_RETRY_BUDGET, ...options.retryBudget };
  for (const [name, value, min] of [
    ["timeoutMs", timeoutMs, 1],
    ["deadlineMs", deadlineMs, 1],
    ["retries", retries, 0],
    ["backoffBaseMs", backoffBaseMs, 0],
    ["backoffMaxMs", backoffMaxMs, 0],
    ["maxBytes", maxBytes, 0],
    ["retryBudget.reserve", budgetOptions?.reserve ?? 0, 0],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < min) {
      throw new HttpUsageError(
        "ORG_HTTP_OPTIONS",
        `createHttpClient: ${name} must be a whole number >= ${min} (got ${String(value)})`,
      );
    }
  }
  // Node's timers (and ky's) hold at most 2^31 - 1 ms; a longer one would fire at once.
  for (const [name, value] of [
    ["timeoutMs", timeoutMs],
    ["deadlineMs", deadlineMs],
  ] as const) {
    if (value > MAX_TIMER_MS) {
      throw new HttpUsageError(
        "ORG_HTTP_OPTIONS",
        `createHttpClient: ${name} must be at most ${MAX_TIMER_MS} ms (about 24.8 days; got ${value})`,
      );
    }
  }
  if (budgetOptions && !(budgetOptions.ratio >= 0 && Number.isFinite(budgetOptions.ratio))) {
    throw new HttpUsageError(
      "ORG_HTTP_OPTIONS",
      `createHttpClient: retryBudget.ratio must be a number >= 0 (got ${String(budgetOptions.ratio)})`,
    );
  }
  const retryMethods = Object.freeze((options.retryMethods ?? IDEMPOTENT_METHODS).map((m) => m.toUpperCase()));
  const settings: HttpClientSettings = Object.freeze({
    timeoutMs,
    deadlineMs,
    retries,
    backoffBaseMs,
    backoffMaxMs,
    maxBytes,
    retryMethods,
    env: source.ENV,
  });
  const budget = budgetOptions && new RetryBudget(budgetOptions.ratio, budgetOptions.reserve);
  const fetchImpl = options.fetch ?? globalThis.fetch;

  async function request(url: string | URL, requestOptions: RequestOptions = {}): Promise<Response> {
    const prepared = prepare(url, requestOptions, options);
    const limits = { timeoutMs, maxBytes, backoffMaxMs, fetch: fetchImpl };
    const call = callSignal(deadlineMs, requestOptions.signal);
    budget?.deposit();
    let attempts = 0;
    let failed: Failed | undefined;
    let note: string | undefined;
    let delayMs = 0;
    try {
      // ky runs the retries: the limit, the methods, the wait (ended early by the call's signal) and
      // re-sending. Each of its fetches is one whole attempt (redirects and body included); a failed
      // one throws, and nextRetry (retry.ts) decides whether and when the next one starts.
      return await ky(prepared.url, {
        method: prepared.method,
        headers: prepared.headers,
        body: prepared.body ?? null,
        signal: call.signal,
        // A backstop only: each attempt has its own timer over headers and body (ky's stops at the
        // headers), and the call's deadline aborts first.
        timeout: deadlineMs,
        throwHttpErrors: false,
        retry: {
          limit: retries,
          methods: retryMethods.map((method) => method.toLowerCase()),
          delay: () => delayMs,
          shouldRetry: ({ error, retryCount }) => {
            if (!(error instanceof AttemptFailed) || call.signal.aborted) return false;
            const remainingMs = call.remaining();
            const decision = nextRetry(
              error.outcome,
              retryCount,
              { backoffBaseMs, backoffMaxMs, deadlineMs, remainingMs },
              budget,
            );
            if (!decision.retry) {
              note = decision.note;
              return false;
            }
            delayMs = decision.delayMs;
            return true;
          },
        },
        fetch: async () => {
          attempts++;
          const timeout = Math.max(1, Math.min(timeoutMs, call.remaining()));
          const outcome = await attempt(prepared, { ...limits, timeoutMs: timeout }, call.signal);
          if (outcome.ok) return outcome.response;
          failed = outcome;
          throw new AttemptFailed(outcome);
        },
      });
    } catch (error) {
      // Only attempts fail here: ky's own errors (HTTPError, TimeoutError) are switched off above,
      // and an abort during a wait ends with the call's reason.
      if (failed === undefined && call.reason === undefined) {
        throw new HttpUsageError(
          "ORG_HTTP_OPTIONS",
          `${prepared.method} ${redactUrl(prepared.url.href)}: the request could not be built (${error instanceof Error ? error.name : "unknown error"}); check its body and headers`,
        );
      }
    } finally {
      call.dispose();
    }
    const code = call.reason ?? failed!.code;
    const cause =
      call.reason === undefined
        ? failed!.cause
        : new HttpAttemptError(
            call.reason === "ORG_HTTP_DEADLINE" ? "DEADLINE" : "ABORTED",
            prepared.method,
            redactUrl(prepared.url.href),
            failed?.status,
            call.detail,
          );
    throw new HttpError(
      code,
      {
        method: prepared.method,
        url: redactUrl(prepared.url.href),
        attempts,
        timeoutMs,
        deadlineMs,
        env: source.ENV,
        ...(failed?.status === undefined ? {} : { status: failed.status }),
      },
      note === undefined ? { cause } : { cause, note },
    );
  }

  const verb =
    (method: string) =>
    (url: string | URL, requestOptions: RequestOptions = {}) =>
      request(url, { ...requestOptions, method });

  return {
    request,
    get: verb("GET"),
    head: verb("HEAD"),
    post: verb("POST"),
    put: verb("PUT"),
    patch: verb("PATCH"),
    delete: verb("DELETE"),
    getJson: async <T>(url: string | URL, requestOptions: RequestOptions = {}): Promise<T> => {
      const response = await request(url, { ...requestOptions, method: "GET" });
      const text = await response.text();
      try {
        return JSON.parse(text) as T;
      } catch {
        const at = jsonErrorPosition(text);
        const method = "GET";
        const shown = redactUrl(response.url);
        throw new HttpError(
          "ORG_HTTP_JSON",
          { method, url: shown, attempts: 1, timeoutMs, deadlineMs, env: source.ENV, status: response.status },
          {
            cause: new HttpAttemptError(
              "INVALID_JSON",
              method,
              shown,
              response.status,
              `${text.length} characters, first error at ${at}`,
            ),
          },
        );
      }
    },
    settings,
  };
}

/** The call's own signal: aborted by its deadline or by the caller's signal, remembering which. */
function callSignal(deadlineMs: number, user: AbortSignal | undefined) {
  const controller = new AbortController();
  const endsAt = performance.now() + deadlineMs;
  const state: { reason?: "ORG_HTTP_DEADLINE" | "ORG_HTTP_ABORTED"; detail?: string } = {};
  const stop = (reason: "ORG_HTTP_DEADLINE" | "ORG_HTTP_ABORTED", detail?: string) => {
    if (controller.signal.aborted) return;
    state.reason = reason;
    if (detail !== undefined) state.detail = detail;
    controller.abort();
  };
  const timer = setTimeout(() => stop("ORG_HTTP_DEADLINE", `deadline of ${deadlineMs} ms`), deadlineMs);
  const onAbort = () => {
    const reason = user?.reason as { name?: unknown } | undefined;
    stop(
      "ORG_HTTP_ABORTED",
      reason?.name === "TimeoutError" ? "the signal's own timeout (AbortSignal.timeout) fired" : undefined,
    );
  };
  if (user?.aborted) onAbort();
  else user?.addEventListener("abort", onAbort, { once: true });
  return {
    signal: controller.signal,
    get reason() {
      return state.reason;
    },
    get detail() {
      return state.detail;
    },
    remaining: () => endsAt - performance.now(),
    dispose: () => {
      clearTimeout(timer);
      user?.removeEventListener("abort", onAbort);
    },
  };
}

function prepare(url: string | URL, request: RequestOptions, options: HttpClientOptions): PreparedRequest {
  const method = (request.method ?? "GET").toUpperCase();
  const text =
    url instanceof URL || options.prefixUrl === undefined
      ? String(url)
      : `${options.prefixUrl.replace(/\/$/, "")}/${url.replace(/^\//, "")}`;
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new HttpUsageError(
      "ORG_HTTP_URL",
      `${method} ${redactUrl(text)}: not an absolute URL; pass a full http(s):// URL or set prefixUrl`,
    );
  }
  // Decided on the parsed URL: "http:user:pw@host", " http://user:pw@host" and "http:\\user:pw@host" all carry credentials.
  if (parsed.username || parsed.password) {
    throw new HttpUsageError(
      "ORG_HTTP_URL",
      `${method} ${redactUrl(parsed.href)}: credentials in a URL are refused (fetch would reject them and logs would keep them); send them in a header such as Authorization`,
    );
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new HttpUsageError(
      "ORG_HTTP_URL",
      `${method} ${redactUrl(parsed.href)}: only http:// and https:// URLs are supported`,
    );
  }
  const search =
    request.searchParams instanceof URLSearchParams ? request.searchParams : Object.entries(request.searchParams ?? {});
  for (const [name, value] of search) parsed.searchParams.append(name, String(value));
  const headers = new Headers(options.headers);
  for (const [name, value] of new Headers(request.headers)) headers.set(name, value);
  let body: RequestInit["body"] = request.body;
  if (request.json !== undefined) {
    body = JSON.stringify(request.json);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  if (body !== undefined && (method === "GET" || method === "HEAD")) {
    throw new HttpUsageError(
      "ORG_HTTP_OPTIONS",
      `${method} ${redactUrl(parsed.href)}: a ${method} request cannot carry a body; send it with POST or PUT, or put the values in searchParams`,
    );
  }
  return { method, url: parsed, headers, body };
}
