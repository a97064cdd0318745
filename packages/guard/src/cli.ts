import { parseArgs } from "node:util";
import { GuardError } from "./errors.ts";
import { loadGuardConfig } from "./config.ts";
import { formatJson } from "./formatters/json.ts";
import { formatPretty } from "./formatters/pretty.ts";
import { formatSarif } from "./formatters/sarif.ts";
import { RULES } from "./rules.ts";
import { checkFiles } from "./run.ts";

export const HELP = `Usage: org-guard check [paths...] [options]
       org-guard rules

Refuses hardcoded and unbounded timeouts in TypeScript, JavaScript and Python:
use config.TIMEOUT from @org/config (dev 5 s, staging 30 s, prod 60 s) instead.

Commands:
  check      Check files and directories (default: .); directories honour .gitignore
  rules      List the rules

Options:
  --staged                    Check what is staged (read from the git index), not the working tree
  --format <pretty|json|sarif>  Output format (default: pretty; json is ESLint's shape; sarif is 2.1.0)
  --config <path>             Config file (default: nearest org-guard.config.json or package.json "orgGuard")
  -h, --help                  Show this help
  -v, --version               Show the version

Suppress one line with a comment above it:
  // org-guard-ignore-next-line no-hardcoded-timeout -- <reason>
  # org-guard-ignore-next-line no-unbounded-timeout -- <reason>

Exit codes: 0 no errors, 1 errors found, 2 usage or internal error.`;

export interface GuardIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  color: boolean;
  version: string;
}

const FORMATS = ["pretty", "json", "sarif"] as const;

/** Runs `org-guard` and resolves to its exit code; all output goes through `io`. */
export async function runGuardCli(argv: readonly string[], io: GuardIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof GuardError) {
      io.stderr(
        `org-guard: ${error.message}${error.code === "ORG_GUARD_USAGE" ? "\nRun `org-guard --help` for usage." : ""}`,
      );
      return 2;
    }
    io.stderr(`org-guard: internal error: ${(error as Error)?.message ?? String(error)}`);
    return 2;
  }
}

async function dispatch(argv: readonly string[], io: GuardIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        staged: { type: "boolean" },
        format: { type: "string" },
        config: { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (error) {
    throw new GuardError("ORG_GUARD_USAGE", (error as Error).message, { cause: error });
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (values.version) {
    io.stdout(io.version);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (command === "rules") {
    for (const rule of Object.values(RULES))
      io.stdout(`${rule.id.padEnd(22)} ${rule.defaultSeverity === 2 ? "error" : "warn "}  ${rule.description}`);
    return 0;
  }
  if (command !== "check") {
    throw new GuardError(
      "ORG_GUARD_USAGE",
      command === undefined ? "missing command (check or rules)" : `unknown command "${command}"`,
    );
  }
  const format = values.format ?? "pretty";
  if (!FORMATS.includes(format as never)) {
    throw new GuardError("ORG_GUARD_USAGE", `--format must be one of ${FORMATS.join(", ")} (got "${format}")`);
  }
  if (values.staged && paths.length > 0) {
    throw new GuardError("ORG_GUARD_USAGE", "--staged checks the git index; do not name paths with it");
  }
  const config = await loadGuardConfig(io.cwd, values.config);
  const { results, skipped } = await checkFiles({ paths, staged: values.staged ?? false, cwd: io.cwd, config });
  if (format === "json") io.stdout(formatJson(results, io.cwd));
  else if (format === "sarif") io.stdout(formatSarif(results, io.version));
  else io.stdout(formatPretty(results, skipped, { color: io.color }));
  if (format !== "pretty") for (const skip of skipped) io.stderr(`note: skipped ${skip.path}: ${skip.reason}`);
  return results.some((r) => r.errorCount > 0) ? 1 : 0;
}
