import type { FileResult } from "../check.ts";
import { RULES } from "../rules.ts";

const LEVEL = { 1: "warning", 2: "error" } as const;

/** SARIF 2.1.0, for code scanning: one run, every rule described, paths relative to the checkout. */
export function formatSarif(results: readonly FileResult[], version: string): string {
  const rules = Object.values(RULES);
  return JSON.stringify(
    {
      $schema: "https://json.schemastore.org/sarif-2.1.0.json",
      version: "2.1.0",
      runs: [
        {
          tool: {
            driver: {
              name: "org-guard",
              version,
              rules: rules.map((rule) => ({
                id: rule.id,
                shortDescription: { text: rule.description },
                fullDescription: { text: rule.rationale },
                defaultConfiguration: { level: rule.defaultSeverity === 2 ? "error" : "warning" },
              })),
            },
          },
          results: results.flatMap((r) =>
            r.messages.map((m) => ({
              ruleId: m.ruleId,
              ruleIndex: rules.findIndex((rule) => rule.id === m.ruleId),
              level: LEVEL[m.severity],
              message: { text: m.message },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: r.filePath.split("\\").join("/"), uriBaseId: "%SRCROOT%" },
                    region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
                  },
                },
              ],
            })),
          ),
        },
      ],
    },
    null,
    2,
  );
}
