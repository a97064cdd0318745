// Retry timing in one place: which failures are retried, how long to wait, and how many retries a
// client may spend. ky runs the loop (limit, methods, the abortable wait, re-sending); `nextRetry`
// is what its `shouldRetry` and `delay` ask.

/** Statuses worth another attempt: request timeout, rate limit, and server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/** Full jitter: a random delay between 0 and `min(maxMs, baseMs * 2^(retry-1))`. */
export function backoffMs(retry: number, baseMs: number, maxMs: number): number {
  return Math.round(Math.random() * Math.min(maxMs, baseMs * 2 ** (retry - 1)));
}

/** The wait a 429 or 503 asks for with `Retry-After` (seconds or an HTTP date), capped at `maxMs`. */
export function retryAfterMs(response: Response, maxMs: number): number | undefined {
  if (response.status !== 429 && response.status !== 503) return undefined;
  const header = response.headers.get("retry-after")?.trim();
  if (!header) return undefined;
  const ms = /^\d+(\.\d+)?$/.test(header) ? Number(header) * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) ? Math.min(Math.max(0, ms), maxMs) : undefined;
}

/** How many retries a client may make for the calls it serves. */
export interface RetryBudgetOptions {
  /**
   * Retries earned per call: over many calls to a failing server, requests stay below
   * `calls x (1 + ratio) + reserve` however many retries each call may make.
   * @default 0.2
   */
  ratio?: number;
  /**
   * Retries available before any are earned, and the most that can be saved up.
   * @default 10
   */
  reserve?: number;
}

export const DEFAULT_RETRY_BUDGET = { ratio: 0.2, reserve: 10 } as const;

/** A token bucket shared by a client's calls: each call deposits `ratio`, each retry withdraws 1. */
export class RetryBudget {
  private tokens: number;
  constructor(
    private readonly ratio: number,
    private readonly reserve: number,
  ) {
    this.tokens = reserve;
  }
  deposit(): void {
    this.tokens = Math.min(this.reserve, this.tokens + this.ratio);
  }
  /** Takes one retry if the budget has one. */
  withdraw(): boolean {
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Whether a failed attempt is tried again, and after how long; or why not. */
export type RetryDecision = { retry: true; delayMs: number } | { retry: false; note?: string };

/**
 * Decides the retry after a failed attempt: never for a failure that is not transient; after the
 * server's `Retry-After` when it gave one, else after the jittered backoff; never when that wait
 * would reach the call's deadline, nor when the client's retry budget is spent.
 */
export function nextRetry(
  failure: { retryable: boolean; retryAfterMs?: number },
  retry: number,
  limits: { backoffBaseMs: number; backoffMaxMs: number; deadlineMs: number; remainingMs: number },
  budget: RetryBudget | undefined,
): RetryDecision {
  if (!failure.retryable) return { retry: false };
  const delayMs = failure.retryAfterMs ?? backoffMs(retry, limits.backoffBaseMs, limits.backoffMaxMs);
  if (delayMs >= limits.remainingMs) {
    return {
      retry: false,
      note: `No retry: the next one could not start within the call's deadline of ${limits.deadlineMs} ms.`,
    };
  }
  if (budget && !budget.withdraw()) {
    return {
      retry: false,
      note: "No retry: this client's retry budget is spent (the server has been failing for many calls).",
    };
  }
  return { retry: true, delayMs };
}
