import type { HttpErrorCode, HttpUsageError } from "./errors.ts";

/** What an error code means and what to do about it; the docs' troubleshooting page is generated from these. */
export interface ErrorCodeInfo {
  meaning: string;
  action: string;
}

/** Every `code` an `HttpError` or `HttpUsageError` carries. */
export const HTTP_ERROR_CODES = {
  ORG_HTTP_TIMEOUT: {
    meaning:
      "The last attempt outlived its per-attempt timeout (`config.TIMEOUT` of the environment named in the message), waiting for headers or for the body.",
    action:
      "If the service is this slow under normal load, raise `ORG_TIMEOUT_MS` for that environment (never a literal in code); otherwise look at the service.",
  },
  ORG_HTTP_DEADLINE: {
    meaning:
      "The whole call, retries and backoff included, reached its deadline (`deadlineMs`, from `ORG_CALL_TIMEOUT_MS`).",
    action: "Raise `ORG_CALL_TIMEOUT_MS` (or `deadlineMs`) only if the service is this slow under normal load.",
  },
  ORG_HTTP_ABORTED: {
    meaning: "The caller's `signal` aborted the call.",
    action: "Nothing to fix in the request: find out why your code aborted it.",
  },
  ORG_HTTP_STATUS: {
    meaning:
      "The service answered a status that is not 2xx: a 4xx other than 408/429 at once, or 408, 429 or 5xx after the retries of an idempotent method.",
    action: "Read `status`: fix the request for a 4xx, look at the service for a 5xx.",
  },
  ORG_HTTP_NETWORK: {
    meaning:
      "No response at all: connection refused or reset, a DNS failure, a TLS error. The message names the system error code.",
    action: "Check that the service is up and reachable from this host (address, port, firewall, certificate).",
  },
  ORG_HTTP_BODY: {
    meaning: "The response started but its body broke off.",
    action:
      "Usually the service or a proxy closed the connection; retried for idempotent methods. Look at the service if it persists.",
  },
  ORG_HTTP_TOO_LARGE: {
    meaning: "The body was larger than `maxBytes`.",
    action: "Raise the `maxBytes` option if such bodies are expected; otherwise ask for less (paging, filters).",
  },
  ORG_HTTP_JSON: {
    meaning: "`getJson` got a body that is not valid JSON (the message gives the position, not the content).",
    action: "Check the endpoint and its `content-type`; use `get` for non-JSON bodies.",
  },
  ORG_HTTP_REDIRECT: {
    meaning: "A redirect to another origin (refused, so that headers stay with their host), or a redirect loop.",
    action: "Call the final URL directly, or fix the redirect loop on the server.",
  },
  ORG_HTTP_URL: {
    meaning: "The request could not be sent: the URL does not parse or holds credentials.",
    action: "Pass a clean absolute URL (or a path with `prefixUrl`); send credentials in headers, never in the URL.",
  },
  ORG_HTTP_OPTIONS: {
    meaning: "`createHttpClient` options do not fit: a value out of range or of the wrong type.",
    action: "Fix the option the message names; every option is in the API reference.",
  },
} as const satisfies Record<HttpErrorCode | HttpUsageError["code"], ErrorCodeInfo>;
