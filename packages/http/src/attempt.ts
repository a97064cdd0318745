import { redactUrl } from "@org/config";
import { HttpAttemptError, type HttpErrorCode } from "./errors.ts";
import { isRetryableStatus, retryAfterMs } from "./retry.ts";

/** Same-origin redirects followed per attempt before the chain is called a loop. */
export const MAX_REDIRECTS = 5;

/** A request ready to send, and re-send: its body is a value fetch can read again. */
export interface PreparedRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  readonly body: RequestInit["body"];
}

export interface AttemptLimits {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly backoffMaxMs: number;
  readonly fetch: typeof globalThis.fetch;
}

export type AttemptOutcome =
  | { ok: true; response: Response }
  | {
      ok: false;
      code: HttpErrorCode;
      cause: HttpAttemptError;
      retryable: boolean;
      status?: number;
      retryAfterMs?: number;
    };

class TooLarge extends Error {}

/**
 * One attempt: the request, any same-origin redirects, and the whole body, all within
 * `timeoutMs`. Resolves with a response whose body is already read (so the timeout covered it),
 * or with what went wrong; it never throws for network or server trouble.
 */
export async function attempt(
  request: PreparedRequest,
  limits: AttemptLimits,
  callSignal: AbortSignal,
): Promise<AttemptOutcome> {
  const timer = new AbortController();
  const timeout = setTimeout(() => timer.abort(), limits.timeoutMs);
  const signal = AbortSignal.any([callSignal, timer.signal]);
  let phase: "headers" | "body" = "headers";
  let status: number | undefined;
  let method = request.method;
  let url = request.url;
  let body = request.body;
  const headers = new Headers(request.headers);
  const fail = (
    code: HttpErrorCode,
    causeCode: string,
    retryable: boolean,
    detail?: string,
    extra: { retryAfterMs?: number } = {},
  ): AttemptOutcome => ({
    ok: false,
    code,
    retryable,
    ...(status === undefined ? {} : { status }),
    ...extra,
    cause: new HttpAttemptError(causeCode, method, redactUrl(url.href), status, detail),
  });
  try {
    const visited = new Set([url.href]);
    for (;;) {
      const response = await limits.fetch(url, { method, headers, body, redirect: "manual", signal });
      status = response.status;
      const location = response.status >= 300 && response.status < 400 ? response.headers.get("location") : null;
      if (location !== null) {
        await response.body?.cancel();
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          return fail(
            "ORG_HTTP_REDIRECT",
            "REDIRECT",
            false,
            `was redirected (${response.status}) to a Location that is not a URL`,
          );
        }
        if (next.origin !== url.origin) {
          return fail(
            "ORG_HTTP_REDIRECT",
            "CROSS_ORIGIN_REDIRECT",
            false,
            `was redirected (${response.status}) to another origin, ${next.origin}; cross-origin redirects are not followed so that headers such as Authorization or x-api-key never reach another host. Request ${redactUrl(next.href)} directly if you trust it.`,
          );
        }
        if (visited.has(next.href) || visited.size > MAX_REDIRECTS) {
          return fail(
            "ORG_HTTP_REDIRECT",
            "REDIRECT_LOOP",
            false,
            `was redirected in a loop (${visited.size} redirects); fix the redirect on the server`,
          );
        }
        visited.add(next.href);
        // As browsers do: 303, and 301/302 after a POST, continue as a GET without the body.
        if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === "POST")) {
          if (method !== "HEAD") method = "GET";
          body = undefined;
          headers.delete("content-type");
        }
        url = next;
        continue;
      }
      if (!response.ok) {
        const wait = retryAfterMs(response, limits.backoffMaxMs);
        await response.body?.cancel();
        return fail(
          "ORG_HTTP_STATUS",
          "STATUS",
          isRetryableStatus(response.status),
          `status ${response.status}`,
          wait === undefined ? {} : { retryAfterMs: wait },
        );
      }
      phase = "body";
      const bytes = method === "HEAD" ? null : await readBody(response, limits.maxBytes);
      const kept = new Response(bytes === null || [204, 205].includes(response.status) ? null : bytes, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
      Object.defineProperty(kept, "url", { value: url.href });
      return { ok: true, response: kept };
    }
  } catch (error) {
    if (callSignal.aborted) return fail("ORG_HTTP_ABORTED", "ABORTED", false);
    if (timer.signal.aborted) {
      return fail(
        "ORG_HTTP_TIMEOUT",
        "TIMEOUT",
        true,
        phase === "body" ? `while reading the body` : `waiting for the response`,
      );
    }
    if (error instanceof TooLarge) return fail("ORG_HTTP_TOO_LARGE", "TOO_LARGE", false, error.message);
    const code = errorCode(error);
    return phase === "body" ? fail("ORG_HTTP_BODY", code, true) : fail("ORG_HTTP_NETWORK", code, true);
  } finally {
    clearTimeout(timeout);
  }
}

async function readBody(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (response.body === null) return null;
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body.cancel();
    throw new TooLarge(`of ${declared} bytes, more than maxBytes (${maxBytes})`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new TooLarge(`of more than maxBytes (${maxBytes} bytes)`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

// The underlying error's code (ECONNREFUSED, UND_ERR_SOCKET, ...); its message may quote the request.
function errorCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as NodeJS.ErrnoException).code;
    if (typeof code === "string" && /^[A-Z0-9_]+$/.test(code)) return code;
    current = current.cause;
  }
  return error instanceof Error && error.name !== "Error" ? error.name : "NETWORK_ERROR";
}
