import { createRequire } from "node:module";
import type { ESLint, Linter, Rule } from "eslint";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import picomatch from "picomatch";
import { GuardConfigSchema } from "./config-schema.ts";
import { loadGuardConfigSync, type GuardConfig } from "./config.ts";
import { detectJavaScript, type EsNode } from "./detect/javascript.ts";
import { isTypeTestFile } from "./detect/type-tests.ts";
import { isDeclarationFile } from "./extensions.ts";
import type { RawFinding } from "./detect/types.ts";
import { RULES, ruleDocsUrl } from "./rules.ts";
import { applySuppressions } from "./suppressions.ts";

const IMPORT = 'import { config } from "@org/config";\n';
const cache = new WeakMap<object, RawFinding[]>();
const configs = new Map<string, GuardConfig>();

/** The org-guard.config.json (or package.json "orgGuard") that governs a file, as the CLI finds it. */
function configFor(filename: string, cwd: string): GuardConfig {
  const dir = isAbsolute(filename) ? dirname(filename) : cwd;
  let config = configs.get(dir);
  if (!config) {
    config = loadGuardConfigSync(GuardConfigSchema, dir);
    configs.set(dir, config);
  }
  return config;
}

function findings(context: Rule.RuleContext, program: object): RawFinding[] {
  let found = cache.get(program);
  if (!found) {
    const options = (context.options[0] ?? {}) as { timeoutNames?: string[] };
    const source = context.sourceCode;
    const config = configFor(context.filename, context.cwd);
    const fromRoot = relative(config.root, resolve(context.cwd, context.filename)).split(sep).join("/");
    // Ignored files, declaration files and type tests (type-checked, never run) report nothing.
    if (
      (config.ignore.length > 0 && picomatch(config.ignore, { dot: true })(fromRoot)) ||
      isDeclarationFile(context.filename) ||
      isTypeTestFile(context.filename, source.text)
    ) {
      found = [];
    } else {
      const all = detectJavaScript(program as unknown as EsNode, source.text, {
        extraTimeoutNames: new Set([...config.extraTimeoutNames, ...(options.timeoutNames ?? [])]),
        apis: config.apis,
        visitorKeys: source.visitorKeys,
      });
      // The same org-guard-ignore-next-line comments the CLI honours, matched by the same code;
      // rules the config turns off report nothing.
      found = applySuppressions(
        all,
        source.getAllComments().map((c) => ({ text: c.value, start: c.range![0], end: c.range![1] })),
        (offset) => source.getLocFromIndex(offset).line,
      ).filter((f) => config.severities[f.ruleId] !== 0);
    }
    cache.set(program, found);
  }
  return found;
}

function createRule(id: "no-hardcoded-timeout" | "no-unbounded-timeout" | "no-local-cache-delete"): Rule.RuleModule {
  return {
    meta: {
      type: "problem",
      docs: { description: RULES[id].description, url: ruleDocsUrl(id) },
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
