import { RULES, type RuleId } from "@org/guard";

/**
 * One instruction for coding assistants per guard rule: what the audit turns a finding pattern into,
 * and what AGENTS.md states up front. One source, so the report's advice and the context agree.
 */
export const RULE_GUIDELINES: Partial<Record<RuleId, string>> = {
  "no-hardcoded-timeout":
    "Never write a timeout as a literal (5000, timeout=5): take it from config.TIMEOUT / config.timeouts in @org/config (Python: config.TIMEOUT / config.timeout_s from org_toolkit.config).",
  "no-unbounded-timeout":
    "Never leave a network call unbounded (timeout=None, timeout: 0, requests/httpx without timeout): every call gets config.TIMEOUT.",
  "no-local-cache-delete":
    "Never delete a cache key on a Redis client: invalidate only through cache.invalidate from @org/cache-client, which reaches every cluster of every region.",
  "invalid-suppression":
    "Do not silence org-guard: an org-guard-ignore-next-line needs the rule and a reason after `--`, and a human reviewer's agreement.",
  "unused-suppression": "Remove org-guard-ignore-next-line comments that suppress nothing.",
  "parse-error": "Produce code that parses; a file org-guard cannot parse is not checked.",
};

/** The guideline for a rule, falling back to its description. */
export function guidelineFor(rule: string): string {
  const known = RULE_GUIDELINES[rule as RuleId];
  if (known) return known;
  const meta = (RULES as Record<string, { description: string } | undefined>)[rule];
  return meta ? `Avoid: ${meta.description}` : `Avoid what org-guard reports as ${rule}.`;
}
