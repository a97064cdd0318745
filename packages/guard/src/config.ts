import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { DEFAULT_TIMEOUT_APIS, type TimeoutApi } from "./apis.ts";
import { GuardError } from "./errors.ts";
import { RULES, type RuleId, type Severity } from "./rules.ts";

export type { GuardConfigInput } from "./config-schema.ts";

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

/** The configuration used when no config file is found. */
export function defaultGuardConfig(root: string): GuardConfig {
  return {
    root,
    ignore: [],
    extraTimeoutNames: new Set(),
    apis: DEFAULT_TIMEOUT_APIS,
    severities: Object.fromEntries(Object.values(RULES).map((rule) => [rule.id, rule.defaultSeverity])) as Record<
      RuleId,
      Severity
    >,
    maxFileBytes: 1024 * 1024,
    source: "defaults",
  };
}

const SEVERITY: Record<string, Severity> = { off: 0, warn: 1, error: 2, 0: 0, 1: 1, 2: 2 };

/** Builds a config from already-parsed input (a config file's content). */
export async function resolveGuardConfig(input: unknown, root: string, source = "defaults"): Promise<GuardConfig> {
  // The validator loads only when there is a config to validate: the CLI starts on every commit.
  const { GuardConfigSchema } = await import("./config-schema.ts");
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
export async function loadGuardConfig(cwd: string, explicitPath?: string): Promise<GuardConfig> {
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
      const config = await fromFile(pkg, true);
      if (config) return config;
    }
    if (existsSync(join(dir, ".git")) || dirname(dir) === dir) return defaultGuardConfig(resolve(cwd));
  }
}

function fromFile(path: string, packageJson: true): Promise<GuardConfig | undefined>;
function fromFile(path: string, packageJson: false): Promise<GuardConfig>;
async function fromFile(path: string, packageJson: boolean): Promise<GuardConfig | undefined> {
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
