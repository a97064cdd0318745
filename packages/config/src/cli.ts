import { parseArgs } from "node:util";
import { ConfigError, plural } from "./errors.ts";
import { ENV_FORMATS, formatEnv, toTable, type EnvFormat } from "./format.ts";
import { configJsonSchema } from "./json-schema.ts";
import { resolveConfig } from "./load.ts";
import { configReference, configReferenceMarkdown } from "./reference.ts";
import { ENVIRONMENTS } from "./types.ts";

export const HELP = `Usage: org-config <command> [options]

Resolve, check and export the @org configuration (timeouts and region topology).

Commands:
  print      Print the resolved configuration (credentials redacted)
  env        Print the timeouts as variables for shells and non-Node services
  validate   Check the configuration: exit 0 when valid (warnings on stderr), 1 listing every problem
  schema     Print the JSON Schema of the config file (ORG_CONFIG_FILE)
  reference  Print every setting with its variable and per-environment defaults (JSON)

Options:
  --env <${ENVIRONMENTS.join("|")}>   Resolve for this environment instead of ORG_ENV
  --format <format>           print: table (default), json, env
                              env: lines (default, KEY=value for pipes), shell (export KEY='value',
                              for eval), dotenv (KEY="value"), json
                              reference: json (default), markdown
  -h, --help                  Show this help
  -v, --version               Show the version

Reads ORG_ENV, ORG_TIMEOUT_MS, ORG_REGIONS, ORG_CONFIG_FILE and the other ORG_* variables.
Exit codes: 0 ok, 1 invalid configuration, 2 usage or internal error.

Examples:
  org-config print --env staging
  eval "$(org-config env --format shell)" && python3 service.py   # exports ORG_TIMEOUT_MS=30000, ORG_TIMEOUT_S=30, ...
  org-config env | grep ORG_TIMEOUT_S                             # ORG_TIMEOUT_S=30
  ORG_ENV=prod org-config validate`;

/** A command line `org-config` cannot run; exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  readonly code = "ORG_CONFIG_USAGE";
}

export interface CliIo {
  env: Readonly<Record<string, string | undefined>>;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  version: string;
}

const FORMATS: Record<string, readonly string[]> = {
  print: ["table", "json", "env"],
  env: ENV_FORMATS,
  reference: ["json", "markdown"],
};

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
  if (command === undefined) throw new UsageError("missing command (print, env, validate, schema or reference)");
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (values.env !== undefined && !ENVIRONMENTS.includes(values.env as never)) {
    throw new UsageError(`--env must be one of ${ENVIRONMENTS.join(", ")} (got "${values.env}")`);
  }
  const formats = FORMATS[command];
  if (values.format !== undefined && formats === undefined)
    throw new UsageError(`--format applies to print, env and reference only`);
  const format = values.format ?? formats?.[0];
  if (formats && !formats.includes(format!)) {
    throw new UsageError(`--format for ${command} must be one of ${formats.join(", ")} (got "${format}")`);
  }
  const env = values.env === undefined ? io.env : { ...io.env, ORG_ENV: values.env };

  switch (command) {
    case "schema":
      io.stdout(JSON.stringify(configJsonSchema(), null, 2));
      return 0;
    case "reference":
      io.stdout(format === "markdown" ? configReferenceMarkdown() : JSON.stringify(configReference(), null, 2));
      return 0;
    case "validate": {
      const { config, warnings } = resolveConfig({ env });
      for (const warning of warnings) io.stderr(`warning: ${warning}`);
      const clusters = config.regions.reduce((n, region) => n + region.clusters.length, 0);
      io.stdout(
        `ok: ${config.ENV} configuration is valid (TIMEOUT ${config.TIMEOUT} ms, ${plural(config.regions.length, "region")}, ${plural(clusters, "cluster")})`,
      );
      return 0;
    }
    case "print":
    case "env": {
      const { config } = resolveConfig({ env });
      if (command === "env") io.stdout(formatEnv(config, format as EnvFormat));
      else if (format === "json") io.stdout(JSON.stringify(config, null, 2));
      else io.stdout(format === "env" ? formatEnv(config) : toTable(config).join("\n"));
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}" (expected print, env, validate, schema or reference)`);
  }
}
