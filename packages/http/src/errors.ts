/** How a request failed for good. */
export type HttpErrorCode =
  /** The last attempt outlived its per-attempt timeout (waiting for headers or for the body). */
  | "ORG_HTTP_TIMEOUT"
  /** The whole call, retries and backoff included, reached its deadline (`deadlineMs`). */
  | "ORG_HTTP_DEADLINE"
  /** The caller's `signal` aborted the call. */
  | "ORG_HTTP_ABORTED"
  /** The server answered a status that is not 2xx. */
  | "ORG_HTTP_STATUS"
  /** No response: connection refused, reset, DNS, TLS. */
  | "ORG_HTTP_NETWORK"
  /** The response started but its body broke off. */
  | "ORG_HTTP_BODY"
  /** The body was larger than `maxBytes`. */
  | "ORG_HTTP_TOO_LARGE"
  /** `getJson` got a body that is not JSON. */
  | "ORG_HTTP_JSON"
  /** A redirect to another origin (refused so that headers stay with their host), or a redirect loop. */
  | "ORG_HTTP_REDIRECT";

/** What happened to a request, in numbers. */
export interface HttpFailure {
  /** HTTP method, upper case. */
  readonly method: string;
  /** Request URL with credentials and secret query values replaced by `***`. */
  readonly url: string;
  /** How many attempts were made, the first included. */
  readonly attempts: number;
  /** The timeout of each attempt, in milliseconds. */
  readonly timeoutMs: number;
  /** The bound on the whole call, in milliseconds. */
  readonly deadlineMs: number;
  /** The environment whose timeout applied (`ORG_ENV`). */
  readonly env: string;
  /** The last response's status, when there was one. */
  readonly status?: number;
}

/**
 * What went wrong in the last attempt, safe to log: a code, the status, method and redacted URL.
 * It is the `cause` of an `HttpError` in place of the underlying fetch error, whose request
 * would carry headers such as `Authorization`.
 */
export class HttpAttemptError extends Error {
  override readonly name = "HttpAttemptError";
  constructor(
    /** `ECONNREFUSED`, `UND_ERR_SOCKET`, `TIMEOUT`, `STATUS`, ... */
    readonly code: string,
    readonly method: string,
    readonly url: string,
    readonly status?: number,
    detail?: string,
  ) {
    super(detail ?? code);
  }
}

/**
 * A request that failed for good, after its retries. `code` says how (see `HttpErrorCode`);
 * `cause` is an `HttpAttemptError` describing the last attempt, never the raw request.
 */
export class HttpError extends Error implements HttpFailure {
  override readonly name = "HttpError";
  readonly code: HttpErrorCode;
  readonly method: string;
  readonly url: string;
  readonly attempts: number;
  readonly timeoutMs: number;
  readonly deadlineMs: number;
  readonly env: string;
  readonly status?: number;

  constructor(code: HttpErrorCode, failure: HttpFailure, options: { cause: HttpAttemptError; note?: string }) {
    super(`${describe(code, failure, options.cause)}${options.note ? ` ${options.note}` : ""}`, {
      cause: options.cause,
    });
    this.code = code;
    this.method = failure.method;
    this.url = failure.url;
    this.attempts = failure.attempts;
    this.timeoutMs = failure.timeoutMs;
    this.deadlineMs = failure.deadlineMs;
    this.env = failure.env;
    if (failure.status !== undefined) this.status = failure.status;
  }
}

function describe(code: HttpErrorCode, f: HttpFailure, cause: HttpAttemptError): string {
  const tries = f.attempts === 1 ? "1 attempt" : `${f.attempts} attempts`;
  const numbers = `${tries}, ${f.timeoutMs} ms per attempt, ${f.deadlineMs} ms per call, ORG_ENV=${f.env}`;
  const request = `${f.method} ${f.url}`;
  switch (code) {
    case "ORG_HTTP_TIMEOUT":
      return `${request} timed out ${cause.message} (${numbers}). If the service is this slow under normal load, raise ORG_TIMEOUT_MS; otherwise look at the service.`;
    case "ORG_HTTP_DEADLINE":
      return `${request} did not finish within its deadline of ${f.deadlineMs} ms for the whole call (${numbers}). Raise ORG_CALL_TIMEOUT_MS (or the deadlineMs option) only if the service is this slow under normal load.`;
    case "ORG_HTTP_ABORTED":
      return `${request} was aborted by the caller's signal (${numbers})${cause.message === "ABORTED" ? "" : `: ${cause.message}`}.`;
    case "ORG_HTTP_STATUS":
      return `${request} answered ${f.status} (${numbers}).`;
    case "ORG_HTTP_NETWORK":
      return `${request} failed before a response (${cause.code}) (${numbers}). Check that the service is up and reachable from here.`;
    case "ORG_HTTP_BODY":
      return `${request} answered ${f.status} but its body broke off (${cause.code}) (${numbers}).`;
    case "ORG_HTTP_TOO_LARGE":
      return `${request} answered ${f.status} with a body ${cause.message} (${numbers}). Raise the maxBytes option if such bodies are expected.`;
    case "ORG_HTTP_JSON":
      return `${request} answered ${f.status} with a body that is not valid JSON: ${cause.message} (${numbers}).`;
    case "ORG_HTTP_REDIRECT":
      return `${request} ${cause.message} (${numbers}).`;
  }
}

/** Why a request could not be sent at all, or a client could not be made: code `ORG_HTTP_URL` or `ORG_HTTP_OPTIONS`. */
export class HttpUsageError extends Error {
  override readonly name = "HttpUsageError";
  constructor(
    readonly code: "ORG_HTTP_URL" | "ORG_HTTP_OPTIONS",
    message: string,
  ) {
    super(message);
  }
}
