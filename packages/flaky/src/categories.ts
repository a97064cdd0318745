/** Why a test failed, read from its failure message and type. */
export type FailureCategory = "timeout" | "network" | "assertion" | "other";

/** One list: the order is the precedence (a `ConnectTimeout` is a timeout before it is a network error). */
export const FAILURE_CATEGORIES: readonly { category: FailureCategory; pattern: RegExp }[] = [
  {
    category: "timeout",
    // requests.exceptions.Timeout / ReadTimeout / ConnectTimeout, TimeoutError, asyncio/httpx timeouts,
    // ETIMEDOUT, vitest's "Test timed out in 5000ms", jest's "Exceeded timeout of 5000 ms", Playwright's
    // "Timeout 30000ms exceeded", Go's "deadline exceeded", socket.timeout.
    pattern:
      /(?<![A-Za-z])(?:Read|Connect|Write|Pool|Socket|Gateway)?Time-?out(?:Error|Exception)?\b|\btimed out\b|\bETIMEDOUT\b|\bESOCKETTIMEDOUT\b|\bdeadline exceeded\b/i,
  },
  {
    category: "network",
    pattern:
      /\b(?:ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EPIPE|socket hang up|fetch failed|ConnectionError|ConnectionRefusedError|ConnectionResetError|ConnectException|UnknownHostException|Connection (?:refused|reset)|NetworkError|network error|HTTPError|ProxyError|SSLError|ClientConnectorError)\b/i,
  },
  {
    category: "assertion",
    pattern:
      /\b(?:Assertion\w*Error|AssertError|ComparisonFailure|assert(?:ion)?s? failed|expected .* to |expected: <|toBe|toEqual|assert )/i,
  },
];

/** Categorises one failure from its exception type and message; `other` when nothing matches. */
export function categorise(type: string | null | undefined, message: string | null | undefined): FailureCategory {
  const text = `${type ?? ""}\n${message ?? ""}`;
  for (const { category, pattern } of FAILURE_CATEGORIES) if (pattern.test(text)) return category;
  return "other";
}
