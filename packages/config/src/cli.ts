import { parseArgs } from "node:util";
import { ConfigError } from "./errors.ts";
import { toEnvLines, toTable } from "./format.ts";
import { configJsonSchema } from "./json-schema.ts";
import { loadConfig } from "./load.ts";
import { ENVIRONMENTS } from "./schema.ts";

export const HELP = `Usage: org-config <command> [options]

Resolve, check and export the @org configuration (timeouts and region topology).

Commands:
  print      Print the resolved configuration (credentials redacted)
  env        Print KEY=value lines for shells and non-Node services (print --format env)
  validate   Check the configuration: exit 0 when valid, 1 listing every problem
  schema     Print the JSON Schema of the config file (ORG_CONFIG_FILE)

Options:
  --env <${ENVIRONMENTS.join("|")}>   Resolve for this environment instead of ORG_ENV
  --format <table|json|env>   Output of print (default: table)
  -h, --help                  Show this help
  -v, --version               Show the version

Reads ORG_ENV, ORG_TIMEOUT_MS, ORG_REGIONS, ORG_CONFIG_FILE and the other ORG_* variables.
Exit codes: 0 ok, 1 invalid configuration, 2 usage or internal error.

Examples:
  org-config print --env staging
  eval "$(org-config env)" && python service.py    # ORG_TIMEOUT_MS=30000, ORG_TIMEOUT_S=30, ...
  ORG_ENV=prod org-config validate`;

class UsageError extends Error {
  readonly code = "ORG_CONFIG_USAGE";
}

export interface CliIo {
  env: Readonly<Record<string, string | undefined>>;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  version: string;
}

const FORMATS = ["table", "json", "env"] as const;

/** Runs `org-config` and returns its exit code; all output goes through `io`. */
export function runCli(argv: readonly string[], io: CliIo): number {
  try {
    return dispatch(argv, io);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(error.message);
      return 1;
    }
    if (error instanceof UsageError) {
      io.stderr(`org-config: ${error.message}\nRun \`org-config --help\` for usage.`);
      return 2;
    }
    io.stderr(`org-config: internal error: ${(error as Error).message ?? String(error)}`);
    return 2;
  }
}

function dispatch(argv: readonly string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        env: { type: "string" },
        format: { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
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
  const [command, ...extra] = positionals;
  if (command === undefined) throw new UsageError("missing command (print, env, validate or schema)");
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (values.env !== undefined && !ENVIRONMENTS.includes(values.env as never)) {
    throw new UsageError(`--env must be one of ${ENVIRONMENTS.join(", ")} (got "${values.env}")`);
  }
  const format = values.format ?? (command === "env" ? "env" : "table");
  if (!FORMATS.includes(format as never)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")} (got "${format}")`);
  }
  if (values.format !== undefined && command !== "print") {
    throw new UsageError(`--format applies to print only`);
  }
  const env = values.env === undefined ? io.env : { ...io.env, ORG_ENV: values.env };

  switch (command) {
    case "schema":
      io.stdout(JSON.stringify(configJsonSchema(), null, 2));
      return 0;
    case "validate": {
      const config = loadConfig({ env });
      const clusters = config.regions.reduce((n, region) => n + region.clusters.length, 0);
      io.stdout(
        `ok: ${config.ENV} configuration is valid (TIMEOUT ${config.TIMEOUT} ms, ${config.regions.length} regions, ${clusters} clusters)`,
      );
      return 0;
    }
    case "print":
    case "env": {
      const config = loadConfig({ env });
      const output =
        format === "json"
          ? JSON.stringify(config, null, 2)
          : (format === "env" ? toEnvLines(config) : toTable(config)).join("\n");
      io.stdout(output);
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}" (expected print, env, validate or schema)`);
  }
}
