/** Severity as ESLint numbers it: 0 off, 1 warning, 2 error. */
export type Severity = 0 | 1 | 2;

export type RuleId =
  | "no-hardcoded-timeout"
  | "no-unbounded-timeout"
  | "no-local-cache-delete"
  | "parse-error"
  | "internal-error"
  | "invalid-suppression"
  | "unused-suppression";

export interface RuleMeta {
  id: RuleId;
  defaultSeverity: Severity;
  description: string;
  /** Why the rule exists, for the docs. */
  rationale: string;
  /** A flagged and a clean example per language. */
  examples: { language: "ts" | "py"; flagged: string; clean: string }[];
}

const CONFIG_HINT = "config.TIMEOUT from @org/config (dev 5 s, staging 30 s, prod 60 s)";
const PYTHON_HINT = "the ORG_TIMEOUT_MS value exported by `org-config env`";

export const RULES: Record<RuleId, RuleMeta> = {
  "no-hardcoded-timeout": {
    id: "no-hardcoded-timeout",
    defaultSeverity: 2,
    description: "A literal duration given as a timeout.",
    rationale:
      "A timeout copied from an example (5 s on a laptop) fails under staging load (8–12 s). Timeouts come from one environment-aware source.",
    examples: [
      {
        language: "ts",
        flagged: "await fetch(url, { signal: AbortSignal.timeout(5000) });",
        clean:
          'import { config } from "@org/config";\nawait fetch(url, { signal: AbortSignal.timeout(config.TIMEOUT) });',
      },
      {
        language: "py",
        flagged: "requests.get(url, timeout=5)",
        clean:
          'TIMEOUT_S = int(os.environ["ORG_TIMEOUT_MS"]) / 1000  # from `org-config env`\nrequests.get(url, timeout=TIMEOUT_S)',
      },
    ],
  },
  "no-unbounded-timeout": {
    id: "no-unbounded-timeout",
    defaultSeverity: 2,
    description:
      "A timeout that waits forever: None, 0 where 0 disables the limit, or a requests/httpx call with no timeout.",
    rationale: "A call that never times out turns one slow dependency into a hung worker.",
    examples: [
      { language: "ts", flagged: "axios.create({ timeout: 0 });", clean: "axios.create({ timeout: config.TIMEOUT });" },
      { language: "py", flagged: "requests.get(url)", clean: "requests.get(url, timeout=TIMEOUT_S)" },
    ],
  },
  "no-local-cache-delete": {
    id: "no-local-cache-delete",
    defaultSeverity: 2,
    description: "A delete on a raw Redis client: it removes the key in one region only.",
    rationale:
      "Revoking an API key with redis.delete() left it cached in APAC. Only cache.invalidate() from @org/cache-client reaches every cluster of every region.",
    examples: [
      {
        language: "ts",
        flagged: "await redis.del(`api_key:${id}:status`);",
        clean: "await cache.invalidate(`api_key:${id}:status`);",
      },
      {
        language: "py",
        flagged: 'redis.delete(f"api_key:{key_id}:status")',
        clean: 'cache.invalidate(f"api_key:{key_id}:status")  # cache = org_toolkit.cache.RegionalCache()',
      },
    ],
  },
  "parse-error": {
    id: "parse-error",
    defaultSeverity: 2,
    description: "A file that does not parse cannot be checked, so it is reported rather than passed.",
    rationale: "A checker that skips what it cannot read passes exactly the files nobody looked at.",
    examples: [],
  },
  "internal-error": {
    id: "internal-error",
    defaultSeverity: 2,
    description: "org-guard failed on this file; the file is reported, every other file is still checked.",
    rationale: "One odd file must not cost a run every other file's findings, nor pass unchecked.",
    examples: [],
  },
  "invalid-suppression": {
    id: "invalid-suppression",
    defaultSeverity: 2,
    description:
      "An org-guard-ignore-next-line comment without a `-- reason`, or naming an unknown rule. It suppresses nothing.",
    rationale: "Every exception to the rule says why, so a reviewer can judge it.",
    examples: [
      {
        language: "ts",
        flagged: "// org-guard-ignore-next-line no-hardcoded-timeout\nsocket.setTimeout(100);",
        clean:
          "// org-guard-ignore-next-line no-hardcoded-timeout -- loopback test socket, never crosses a network\nsocket.setTimeout(100);",
      },
    ],
  },
  "unused-suppression": {
    id: "unused-suppression",
    defaultSeverity: 1,
    description: "An org-guard-ignore-next-line comment whose next line has nothing to suppress.",
    rationale: "Stale exceptions hide the next real finding on that line.",
    examples: [],
  },
};

export function hardcodedMessage(literal: string, where: string, language: "js" | "python"): string {
  const instead = language === "python" ? PYTHON_HINT : CONFIG_HINT;
  return `Hardcoded timeout ${literal} ${where}. Use ${instead} instead.`;
}

export function unboundedMessage(literal: string, where: string, language: "js" | "python"): string {
  const instead = language === "python" ? PYTHON_HINT : CONFIG_HINT;
  return `Unbounded timeout ${literal} ${where}: it waits forever. Use ${instead} instead.`;
}

export function missingTimeoutMessage(call: string): string {
  return `${call}() has no timeout, so it waits forever when the server stops answering. Pass timeout= with ${PYTHON_HINT}.`;
}

export function localDeleteMessage(call: string): string {
  return `${call}() on a raw Redis client deletes in this region only; the other regions keep serving the key. Use cache.invalidate(key) from @org/cache-client (Python: RegionalCache().invalidate(key) from org_toolkit.cache), which reaches every cluster.`;
}
