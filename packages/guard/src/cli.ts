import { CliUsageError, command, defineCli, type CliIo } from "@org/cli-kit";
import { loadGuardConfig } from "./config.ts";
import { formatJson } from "./formatters/json.ts";
import { formatPretty } from "./formatters/pretty.ts";
import { formatSarif } from "./formatters/sarif.ts";
import { DIRECTIVE, RULES } from "./rules.ts";
import { checkFiles } from "./run.ts";

/** Where `org-guard` runs and writes (the bin passes the process's; tests pass their own). */
export interface GuardIo extends CliIo {
  cwd: string;
  color: boolean;
  version: string;
}

const FORMATS = ["pretty", "json", "sarif"] as const;

/** The `org-guard` CLI: its one option table drives parsing, `--help` and usage errors. */
export const guardCli = (version: string) =>
  defineCli<GuardIo>({
    name: "org-guard",
    version,
    summary:
      "Refuses hardcoded and unbounded timeouts in TypeScript, JavaScript and Python (use config.TIMEOUT from @org/config: dev 5 s, staging 30 s, prod 60 s), and cache deletes that reach one region only.",
    footer: [
      "Suppress one line with a comment above it:",
      `  // ${DIRECTIVE} no-hardcoded-timeout -- <reason>`,
      `  # ${DIRECTIVE} no-unbounded-timeout -- <reason>`,
      "",
      "Exit codes: 0 no errors, 1 errors found, 2 usage or internal error.",
      "Examples:",
      "  org-guard check                 (the working tree; directories honour .gitignore)",
      "  org-guard check --staged        (what is staged, as the pre-commit hook runs it)",
      "  org-guard check src/a.ts b.py   (named files, as the pre-commit framework passes them)",
    ].join("\n"),
    exitCodes: { ORG_GUARD_USAGE: "usage", ORG_GUARD_CONFIG: 2, ORG_GUARD_GIT: 2, ORG_GUARD_FACTS: 2 },
    commands: {
      check: command({
        summary: "Check files and directories (default: .); directories honour .gitignore",
        args: "[paths...]",
        options: {
          staged: {
            type: "boolean",
            description: "Check what is staged (read from the git index), not the working tree",
          },
          format: {
            type: "string",
            choices: FORMATS,
            default: "pretty",
            description: "Output format (json is ESLint's shape; sarif is 2.1.0)",
          },
          config: {
            type: "string",
            valueName: "path",
            description: 'Config file (default: nearest org-guard.config.json or package.json "orgGuard")',
          },
        },
        async run({ values, args: paths, io }) {
          if (values.staged && paths.length > 0) {
            throw new CliUsageError("--staged checks the git index; do not name paths with it");
          }
          const config = await loadGuardConfig(io.cwd, values.config);
          const { results, skipped } = await checkFiles({
            paths: [...paths],
            staged: values.staged,
            cwd: io.cwd,
            config,
          });
          if (values.format === "json") io.stdout(formatJson(results, io.cwd));
          else if (values.format === "sarif") io.stdout(formatSarif(results, io.version));
          else io.stdout(formatPretty(results, skipped, { color: io.color }));
          if (values.format !== "pretty")
            for (const skip of skipped) io.stderr(`note: skipped ${skip.path}: ${skip.reason}`);
          return results.some((r) => r.errorCount > 0) ? 1 : 0;
        },
      }),
      rules: command({
        summary: "List the rules",
        run({ io }) {
          for (const rule of Object.values(RULES))
            io.stdout(`${rule.id.padEnd(22)} ${rule.defaultSeverity === 2 ? "error" : "warn "}  ${rule.description}`);
        },
      }),
    },
  });

/** Runs `org-guard` and resolves to its exit code (0 ok, 1 findings, 2 usage or internal error). */
export function runGuardCli(argv: readonly string[], io: GuardIo): Promise<number> {
  return guardCli(io.version).run(argv, io);
}
