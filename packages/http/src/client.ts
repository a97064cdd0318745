import { config as processConfig, redactUrl, type OrgConfig } from "@org/config";
import ky, { HTTPError, TimeoutError, type KyInstance, type Options as KyOptions } from "ky";
import { HttpError } from "./errors.ts";

/** Options of `createHttpClient`. Every one has a default fit for the current environment. */
export interface HttpClientOptions {
  /**
   * Timeout of each attempt, in milliseconds.
   * @default config.TIMEOUT (dev 5000, staging 30000, prod 60000)
   */
  timeoutMs?: number;
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
   * Base URL that relative request paths are resolved against.
   * @example createHttpClient({ prefixUrl: "https://keys.internal/v1" })
   */
  prefixUrl?: string;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /**
   * The configuration to take defaults from.
   * @default the process's `config` from `@org/config`
   */
  config?: OrgConfig;
  /** The fetch implementation. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
}

/** Per-request options: anything fetch takes, plus `json` and `searchParams`. */
export type RequestOptions = Omit<KyOptions, "retry" | "timeout" | "hooks" | "prefixUrl" | "throwHttpErrors">;

export interface HttpClient {
  /** Sends a request; resolves with a 2xx response or rejects with an `HttpError`. */
  request(url: string | URL, options?: RequestOptions): Promise<Response>;
  get(url: string | URL, options?: RequestOptions): Promise<Response>;
  head(url: string | URL, options?: RequestOptions): Promise<Response>;
  post(url: string | URL, options?: RequestOptions): Promise<Response>;
  put(url: string | URL, options?: RequestOptions): Promise<Response>;
  patch(url: string | URL, options?: RequestOptions): Promise<Response>;
  delete(url: string | URL, options?: RequestOptions): Promise<Response>;
  /** GET and parse the JSON body. */
  getJson<T = unknown>(url: string | URL, options?: RequestOptions): Promise<T>;
  /** The settings in force, resolved from options and config. */
  readonly settings: Readonly<
    Required<Pick<HttpClientOptions, "timeoutMs" | "retries" | "backoffBaseMs" | "backoffMaxMs">>
  > & {
    readonly retryMethods: readonly string[];
    readonly env: string;
  };
}

export const DEFAULT_RETRIES = 3;
export const DEFAULT_BACKOFF_BASE_MS = 300;
export const IDEMPOTENT_METHODS = ["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"] as const;
const RETRY_STATUS_CODES = [408, 429, ...Array.from({ length: 100 }, (_, i) => 500 + i)];

/**
 * An HTTP client whose every attempt is bounded by the environment's timeout and whose
 * transient failures (network errors, timeouts, 408, 429, 5xx) are retried with exponential
 * backoff and full jitter, honouring `Retry-After`.
 * @example
 * const http = createHttpClient({ prefixUrl: "https://keys.internal/v1" });
 * const key = await http.getJson<ApiKey>(`keys/${id}`);
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const source = options.config ?? processConfig;
  const timeoutMs = options.timeoutMs ?? source.TIMEOUT;
  const retries = options.retries ?? DEFAULT_RETRIES;
  const backoffBaseMs = options.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS;
  const backoffMaxMs = options.backoffMaxMs ?? timeoutMs;
  const retryMethods = (options.retryMethods ?? IDEMPOTENT_METHODS).map((m) => m.toUpperCase());
  for (const [name, value, min] of [
    ["timeoutMs", timeoutMs, 1],
    ["retries", retries, 0],
    ["backoffBaseMs", backoffBaseMs, 0],
    ["backoffMaxMs", backoffMaxMs, 0],
  ] as const) {
    if (!Number.isInteger(value) || value < min) {
      throw new RangeError(`createHttpClient: ${name} must be a whole number >= ${min} (got ${String(value)})`);
    }
  }
  const settings = Object.freeze({ timeoutMs, retries, backoffBaseMs, backoffMaxMs, retryMethods, env: source.ENV });

  const instance: KyInstance = ky.create({
    ...(options.prefixUrl === undefined ? {} : { prefixUrl: options.prefixUrl }),
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    timeout: timeoutMs,
    retry: {
      limit: retries,
      methods: retryMethods.map((m) => m.toLowerCase()) as NonNullable<KyOptions["retry"] & object>["methods"],
      statusCodes: RETRY_STATUS_CODES,
      afterStatusCodes: [429, 503],
      maxRetryAfter: backoffMaxMs,
      retryOnTimeout: true,
      delay: (attempt) => backoffBaseMs * 2 ** (attempt - 1),
      backoffLimit: backoffMaxMs,
      jitter: true,
    },
  });

  async function request(url: string | URL, requestOptions: RequestOptions = {}): Promise<Response> {
    const method = (requestOptions.method ?? "GET").toUpperCase();
    const target = resolveUrl(url, options.prefixUrl);
    if (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(target)) {
      throw new TypeError(
        `${method} ${redactUrl(target)}: credentials in a URL are refused (fetch would reject them and logs would keep them); send them in a header such as Authorization`,
      );
    }
    let attempts = 0;
    try {
      return await instance(url, {
        ...requestOptions,
        method,
        hooks: { beforeRequest: [() => void attempts++] },
      });
    } catch (error) {
      const failure = {
        method,
        url: redactUrl(target),
        attempts,
        timeoutMs,
        env: source.ENV,
      };
      if (error instanceof TimeoutError) throw new HttpError("ORG_HTTP_TIMEOUT", failure, { cause: error });
      if (error instanceof HTTPError) {
        throw new HttpError("ORG_HTTP_STATUS", { ...failure, status: error.response.status }, { cause: error });
      }
      if (error instanceof TypeError || (error as Error)?.name === "AbortError") {
        throw new HttpError("ORG_HTTP_NETWORK", failure, { cause: error });
      }
      throw error;
    }
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
    getJson: async <T>(url: string | URL, requestOptions: RequestOptions = {}) =>
      (await request(url, { ...requestOptions, method: "GET" })).json() as Promise<T>,
    settings,
  };
}

function resolveUrl(url: string | URL, prefixUrl: string | undefined): string {
  if (url instanceof URL || prefixUrl === undefined) return String(url);
  return `${prefixUrl.replace(/\/$/, "")}/${url.replace(/^\//, "")}`;
}
