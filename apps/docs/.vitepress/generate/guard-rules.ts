import { RULES } from "@org/guard";
import { fence, inline } from "./markdown.ts";

const LANGUAGES: Record<string, { label: string; fence: string }> = {
  ts: { label: "TypeScript", fence: "ts" },
  js: { label: "JavaScript", fence: "js" },
  py: { label: "Python", fence: "python" },
  python: { label: "Python", fence: "python" },
};

const SEVERITY = ["off", "warning", "error"];

interface Example {
  language: string;
  flagged: string;
  clean: string;
}

/**
 * The guard rule reference, from @org/guard's rule metadata: per rule its default, what it flags,
 * why, and a flagged and a clean example per language as highlighted code blocks with copy buttons.
 * The heading anchor of each rule is its id (`/reference/guard-rules#no-hardcoded-timeout`).
 */
export function guardRulesPage(): string {
  const rules = Object.values(RULES) as unknown as {
    id: string;
    defaultSeverity: number;
    description: string;
    rationale?: string;
    examples?: Example[];
    notReported?: string[];
  }[];
  const sections = rules.map((rule) => {
    const examples = (rule.examples ?? []).flatMap((example) => {
      const language = LANGUAGES[example.language] ?? { label: example.language, fence: example.language };
      return [
        `### ${language.label} {#${rule.id}-${language.fence}}`,
        "",
        "::: danger Flagged",
        fence(language.fence, example.flagged),
        ":::",
        "",
        "::: tip Clean",
        fence(language.fence, example.clean),
        ":::",
        "",
      ];
    });
    return [
      `## ${rule.id} {#${rule.id}}`,
      "",
      `<p class="org-rule-summary"><span class="org-severity" data-severity="${SEVERITY[rule.defaultSeverity] ?? "error"}">${SEVERITY[rule.defaultSeverity] ?? "error"} by default</span> ${inline(rule.description)}</p>`,
      "",
      ...(rule.rationale ? [`<p>${inline(rule.rationale)}</p>`, ""] : []),
      ...(rule.notReported?.length
        ? ["Not reported, on purpose:", "", ...rule.notReported.map((item) => `- ${inline(item)}`), ""]
        : []),
      ...examples,
    ].join("\n");
  });
  return [
    "---",
    "title: Guard rules",
    "---",
    "",
    "# Guard rule reference",
    "",
    `Generated from \`@org/guard\`'s rule metadata when the site is built: ${rules.length} rules. Each rule`,
    "can be set to `error`, `warn` or `off` in `org-guard.config.json`. Suppress one line with a comment on the",
    "line above that says why: `// org-guard-ignore-next-line <rule> -- <reason>` (in Python `# ...`).",
    "How the checker decides what is a timeout: [design note](/design/timeout-detection). When a commit is",
    "refused: [troubleshooting](/troubleshooting#my-commit-was-refused).",
    "",
    ...sections,
  ].join("\n");
}
