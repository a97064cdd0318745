import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";
import { DEFAULT_TIMEOUT_APIS, type TimeoutApi } from "./apis.ts";
import { GuardError } from "./errors.ts";
import { RULES, type RuleId, type Severity } from "./rules.ts";

const SeveritySchema = z.union([z.enum(["off", "warn", "error"]), z.literal(0), z.literal(1), z.literal(2)]);

/** The guard's config file: `org-guard.config.json`, or `"orgGuard"` in package.json. */
export const GuardConfigSchema = z
  .object({
    $schema: z.string().optional(),
    $comment: z.string().optional(),
    ignore: z
      .array(z.string().min(1))
      .default([])
      .describe("Globs (relative to the config file) of files never checked."),
    timeoutNames: z
      .array(z.string().min(1))
      .default([])
      .describe("Extra property, keyword and parameter names that hold a timeout, matched exactly."),
    apis: z
      .array(
        z
          .object({
            language: z.enum(["js", "python"]),
            callee: z.string().min(1),
            argument: z.union([z.number().int().min(0), z.enum(["last", "all"])]),
            keyword: z.string().min(1).optional(),
            minArguments: z.number().int().min(1).optional(),
            zeroIsUnbounded: z.boolean().optional(),
          })
          .strict(),
      )
      .default([])
      .describe("Extra calls whose argument is a timeout, added to the built-in list."),
    rules: z
      .partialRecord(z.enum(Object.keys(RULES) as [RuleId, ...RuleId[]]), SeveritySchema)
      .default({})
      .describe('Severity per rule: "off", "warn" or "error".'),
    maxFileBytes: z
      .number()
      .int()
      .positive()
      .default(1024 * 1024)
      .describe("Files larger than this are skipped with a note."),
  })
  .strict();

export type GuardConfigInput = z.input<typeof GuardConfigSchema>;

/** The configuration a check runs with, defaults applied. */
export interface GuardConfig {
  /** Directory the ignore globs are relative to. */
  root: string;
  ignore: string[];
  extraTimeoutNames: ReadonlySet<string>;
  apis: readonly TimeoutApi[];
  severities: Record<RuleId, Severity>;
  maxFileBytes: number;
  /** Where it came from, for messages. */
  source: string;
}

const SEVERITY: Record<string, Severity> = { off: 0, warn: 1, error: 2, 0: 0, 1: 1, 2: 2 };

/** Builds a config from already-parsed input (a config file's content). */
export function resolveGuardConfig(input: unknown, root: string, source = "defaults"): GuardConfig {
  const parsed = GuardConfigSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  - ${issue.path.length ? issue.path.join(".") : "(root)"}: ${issue.message}`,
    );
    throw new GuardError("ORG_GUARD_CONFIG", `Invalid org-guard config in ${source}:\n${problems.join("\n")}`, {
      cause: parsed.error,
    });
  }
  const value = parsed.data;
  const severities = Object.fromEntries(
    Object.values(RULES).map((rule) => [
      rule.id,
      SEVERITY[String(value.rules[rule.id] ?? rule.defaultSeverity)] ?? rule.defaultSeverity,
    ]),
  ) as Record<RuleId, Severity>;
  return {
    root,
    ignore: value.ignore,
    extraTimeoutNames: new Set(value.timeoutNames),
    apis: [...DEFAULT_TIMEOUT_APIS, ...value.apis],
    severities,
    maxFileBytes: value.maxFileBytes,
    source,
  };
}

/**
 * Finds and reads the config: `explicitPath` if given, else the nearest `org-guard.config.json`
 * or package.json with `"orgGuard"`, from `cwd` up to the repository root.
 */
export function loadGuardConfig(cwd: string, explicitPath?: string): GuardConfig {
  if (explicitPath) {
    const path = resolve(cwd, explicitPath);
    if (!existsSync(path)) throw new GuardError("ORG_GUARD_USAGE", `config file not found: ${explicitPath}`);
    return fromFile(path, false);
  }
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const own = join(dir, "org-guard.config.json");
    if (existsSync(own)) return fromFile(own, false);
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      const config = fromFile(pkg, true);
      if (config) return config;
    }
    if (existsSync(join(dir, ".git")) || dirname(dir) === dir) return resolveGuardConfig({}, resolve(cwd));
  }
}

function fromFile(path: string, packageJson: true): GuardConfig | undefined;
function fromFile(path: string, packageJson: false): GuardConfig;
function fromFile(path: string, packageJson: boolean): GuardConfig | undefined {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new GuardError("ORG_GUARD_CONFIG", `cannot read org-guard config ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (packageJson) {
    const section = (data as { orgGuard?: unknown } | null)?.orgGuard;
    return section === undefined ? undefined : resolveGuardConfig(section, dirname(path), `${path} ("orgGuard")`);
  }
  return resolveGuardConfig(data, dirname(path), path);
}
