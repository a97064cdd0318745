import { command, defineCli, type CliIo } from "@org/cli-kit";
import { plural } from "./errors.ts";
import { ENV_FORMATS, formatEnv, toTable, type EnvFormat } from "./format.ts";
import { configJsonSchema } from "./json-schema.ts";
import { resolveConfig } from "./load.ts";
import { configReference, configReferenceMarkdown } from "./reference.ts";
import { ENVIRONMENTS } from "./types.ts";

/** What `org-config` reads and writes: the io lines, and the environment it resolves. */
export interface ConfigCliIo extends CliIo {
  env: Readonly<Record<string, string | undefined>>;
}

const ENV_OPTION = {
  type: "string",
  choices: ENVIRONMENTS,
  valueName: "env",
  description: "Resolve for this environment instead of ORG_ENV",
} as const;

function environment(io: ConfigCliIo, env: string | undefined) {
  return env === undefined ? io.env : { ...io.env, ORG_ENV: env };
}

/** `org-config`: resolve, check and export the @org configuration. */
export function configCli(version: string) {
  return defineCli<ConfigCliIo>({
    name: "org-config",
    version,
    summary: "Resolve, check and export the @org configuration (timeouts and region topology).",
    footer: `Reads ORG_ENV, ORG_TIMEOUT_MS, ORG_REGIONS, ORG_CONFIG_FILE and the other ORG_* variables.
Exit codes: 0 ok, 1 invalid configuration, 2 usage or internal error.

Examples:
  org-config print --env staging
  eval "$(org-config env --format shell)" && python3 service.py   # exports ORG_TIMEOUT_MS=30000, ORG_TIMEOUT_S=30, ...
  org-config env | grep ORG_TIMEOUT_S                             # ORG_TIMEOUT_S=30
  ORG_ENV=prod org-config validate`,
    exitCodes: { ORG_CONFIG_INVALID: 1 },
    commands: {
      print: command({
        summary: "Print the resolved configuration (credentials redacted)",
        options: {
          env: ENV_OPTION,
          format: { type: "string", choices: ["table", "json", "env"], default: "table", description: "Output format" },
        },
        run({ values, io }) {
          const { config } = resolveConfig({ env: environment(io, values.env) });
          if (values.format === "json") io.stdout(JSON.stringify(config, null, 2));
          else io.stdout(values.format === "env" ? formatEnv(config) : toTable(config).join("\n"));
        },
      }),
      env: command({
        summary: "Print the timeouts as variables for shells and non-Node services",
        description: `Formats: lines (default): KEY=value, plain, for pipes, grep and cut;
shell: export KEY='value', single-quoted: the one to use with eval "$(org-config env --format shell)";
dotenv: KEY="value", for .env files and docker --env-file; json: one object of strings.`,
        options: {
          env: ENV_OPTION,
          format: { type: "string", choices: ENV_FORMATS, default: "lines", description: "Output format" },
        },
        run({ values, io }) {
          const { config } = resolveConfig({ env: environment(io, values.env) });
          io.stdout(formatEnv(config, values.format as EnvFormat));
        },
      }),
      validate: command({
        summary: "Check the configuration: exit 0 when valid (warnings on stderr), 1 listing every problem",
        options: { env: ENV_OPTION },
        run({ values, io }) {
          const { config, warnings } = resolveConfig({ env: environment(io, values.env) });
          for (const warning of warnings) io.stderr(`warning: ${warning}`);
          const clusters = config.regions.reduce((n, region) => n + region.clusters.length, 0);
          io.stdout(
            `ok: ${config.ENV} configuration is valid (TIMEOUT ${config.TIMEOUT} ms, ${plural(config.regions.length, "region")}, ${plural(clusters, "cluster")})`,
          );
        },
      }),
      schema: command({
        summary: "Print the JSON Schema of the config file (ORG_CONFIG_FILE)",
        run({ io }) {
          io.stdout(JSON.stringify(configJsonSchema(), null, 2));
        },
      }),
      reference: command({
        summary: "Print every setting with its variable and per-environment defaults",
        options: {
          format: { type: "string", choices: ["json", "markdown"], default: "json", description: "Output format" },
        },
        run({ values, io }) {
          io.stdout(
            values.format === "markdown" ? configReferenceMarkdown() : JSON.stringify(configReference(), null, 2),
          );
        },
      }),
    },
  });
}
