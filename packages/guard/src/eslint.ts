import { createRequire } from "node:module";
import type { ESLint, Linter, Rule } from "eslint";
import { DEFAULT_TIMEOUT_APIS } from "./apis.ts";
import { detectJavaScript, type EsNode } from "./detect/javascript.ts";
import type { RawFinding } from "./detect/types.ts";
import { RULES } from "./rules.ts";
import { parseSuppressions } from "./suppressions.ts";

const IMPORT = 'import { config } from "@org/config";\n';
const cache = new WeakMap<object, RawFinding[]>();

function findings(context: Rule.RuleContext, program: object): RawFinding[] {
  let found = cache.get(program);
  if (!found) {
    const options = (context.options[0] ?? {}) as { timeoutNames?: string[] };
    const source = context.sourceCode;
    const all = detectJavaScript(program as unknown as EsNode, source.text, {
      extraTimeoutNames: new Set(options.timeoutNames ?? []),
      apis: DEFAULT_TIMEOUT_APIS,
      visitorKeys: source.visitorKeys,
    });
    // The same org-guard-ignore-next-line comments the CLI honours.
    const suppressions = parseSuppressions(
      source.getAllComments().map((c) => ({ text: c.value, start: c.range![0], end: c.range![1] })),
      (offset) => source.getLocFromIndex(offset).line,
    );
    found = all.filter((f) => {
      const line = source.getLocFromIndex(f.start).line;
      return !suppressions.some((s) => !s.problem && s.line + 1 === line && s.rules.includes(f.ruleId));
    });
    cache.set(program, found);
  }
  return found;
}

function createRule(id: "no-hardcoded-timeout" | "no-unbounded-timeout" | "no-local-cache-delete"): Rule.RuleModule {
  return {
    meta: {
      type: "problem",
      docs: { description: RULES[id].description },
      hasSuggestions: true,
      schema: [
        {
          type: "object",
          properties: { timeoutNames: { type: "array", items: { type: "string" } } },
          additionalProperties: false,
        },
      ],
    },
    create(context) {
      return {
        "Program:exit"(program) {
          const source = context.sourceCode;
          const hasImport = /import\s*\{[^}]*\bconfig\b[^}]*\}\s*from\s*["']@org\/config["']/.test(source.text);
          for (const finding of findings(context, program)) {
            if (finding.ruleId !== id) continue;
            context.report({
              loc: { start: source.getLocFromIndex(finding.start), end: source.getLocFromIndex(finding.end) },
              message: finding.message,
              suggest: finding.replaceable
                ? [
                    {
                      desc: "Use config.TIMEOUT from @org/config",
                      fix: (fixer) => [
                        fixer.replaceTextRange([finding.start, finding.end], "config.TIMEOUT"),
                        ...(hasImport ? [] : [fixer.insertTextBeforeRange([0, 0], IMPORT)]),
                      ],
                    },
                  ]
                : [],
            });
          }
        },
      };
    },
  };
}

const rules = {
  "no-hardcoded-timeout": createRule("no-hardcoded-timeout"),
  "no-unbounded-timeout": createRule("no-unbounded-timeout"),
  "no-local-cache-delete": createRule("no-local-cache-delete"),
};

/**
 * `@org/guard/eslint`: the guard's detector as an ESLint flat-config plugin.
 * @example
 * import orgGuard from "@org/guard/eslint";
 * export default [orgGuard.configs.recommended];
 */
const plugin = {
  meta: {
    name: "@org/guard",
    version: (createRequire(import.meta.url)("../package.json") as { version: string }).version,
  },
  rules,
  configs: {} as Record<string, Linter.Config>,
} satisfies ESLint.Plugin;

plugin.configs.recommended = {
  plugins: { "org-guard": plugin },
  rules: {
    "org-guard/no-hardcoded-timeout": "error",
    "org-guard/no-unbounded-timeout": "error",
    "org-guard/no-local-cache-delete": "error",
  },
};

export default plugin;
export { rules };
