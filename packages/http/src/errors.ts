import { redactUrl } from "@org/config";

export type HttpErrorCode = "ORG_HTTP_TIMEOUT" | "ORG_HTTP_STATUS" | "ORG_HTTP_NETWORK";

/** What happened to a request, in numbers. */
export interface HttpFailure {
  /** HTTP method, upper case. */
  method: string;
  /** Request URL with credentials and secret query values replaced by `***`. */
  url: string;
  /** How many attempts were made, the first included. */
  attempts: number;
  /** The timeout of each attempt, in milliseconds. */
  timeoutMs: number;
  /** The environment whose timeout applied (`ORG_ENV`). */
  env: string;
  /** The last response's status, when there was one. */
  status?: number;
}

/**
 * A request that failed for good, after its retries. `code` says how:
 * `ORG_HTTP_TIMEOUT`, `ORG_HTTP_STATUS` or `ORG_HTTP_NETWORK`; `cause` is the last underlying error.
 */
export class HttpError extends Error implements HttpFailure {
  override readonly name = "HttpError";
  readonly code: HttpErrorCode;
  readonly method: string;
  readonly url: string;
  readonly attempts: number;
  readonly timeoutMs: number;
  readonly env: string;
  readonly status?: number;

  constructor(code: HttpErrorCode, failure: HttpFailure, options: { cause: unknown }) {
    super(describe(code, failure, options.cause), options);
    this.code = code;
    this.method = failure.method;
    this.url = failure.url;
    this.attempts = failure.attempts;
    this.timeoutMs = failure.timeoutMs;
    this.env = failure.env;
    if (failure.status !== undefined) this.status = failure.status;
  }
}

function describe(code: HttpErrorCode, f: HttpFailure, cause: unknown): string {
  const tries = f.attempts === 1 ? "1 attempt" : `${f.attempts} attempts`;
  const numbers = `${tries}, ${f.timeoutMs} ms per attempt, ORG_ENV=${f.env}`;
  const request = `${f.method} ${f.url}`;
  switch (code) {
    case "ORG_HTTP_TIMEOUT":
      return `${request} timed out (${numbers}). If the service is this slow under normal load, raise ORG_TIMEOUT_MS; otherwise look at the service.`;
    case "ORG_HTTP_STATUS":
      return `${request} answered ${f.status} (${numbers}).`;
    case "ORG_HTTP_NETWORK": {
      const reason = networkReason(cause);
      return `${request} failed before a response${reason ? ` (${reason})` : ""} (${numbers}). Check that the service is up and reachable from here.`;
    }
  }
}

function networkReason(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as NodeJS.ErrnoException).code;
    if (typeof code === "string") return code;
    current = current.cause;
  }
  // Underlying messages may quote the URL; keep only a redacted form of any URL in them.
  return error instanceof Error
    ? error.message.replace(/[a-z][a-z0-9+.-]*:\/\/\S+/gi, (url) => redactUrl(url))
    : undefined;
}
