import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { DEFAULT_TIMEOUT_APIS, type TimeoutApi } from "./apis.ts";
import { GuardError } from "./errors.ts";
import { RULES, type RuleId, type Severity } from "./rules.ts";

/** The content of `org-guard.config.json` (or `"orgGuard"` in package.json), as written. */
export interface GuardConfigInput {
  $schema?: string;
  $comment?: string;
  /** Globs, relative to the config file, of files never checked. @default [] @example ["generated/**"] */
  ignore?: string[];
  /** Extra property, keyword and parameter names that hold a timeout, matched exactly. @default [] @example ["deadline"] */
  timeoutNames?: string[];
  /** Calls whose argument is a timeout, added to the built-in list. @default [] */
  apis?: TimeoutApi[];
  /** Severity per rule. @default {} @example { "unused-suppression": "off" } */
  rules?: Partial<Record<RuleId, "off" | "warn" | "error" | Severity>>;
  /** Files larger than this are skipped with a note. @default 1048576 */
  maxFileBytes?: number;
}

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

type Schema = typeof import("./config-schema.ts").GuardConfigSchema;

/** Builds a config from already-parsed input (a config file's content). */
export async function resolveGuardConfig(input: unknown, root: string, source = "defaults"): Promise<GuardConfig> {
  // The validator loads only when there is a config to validate: the CLI starts on every commit.
  const { GuardConfigSchema } = await import("./config-schema.ts");
  return resolveWith(GuardConfigSchema, input, root, source);
}

/** The synchronous core, for callers that hold the schema already (the ESLint plugin). */
function resolveWith(schema: Schema, input: unknown, root: string, source: string): GuardConfig {
  const parsed = schema.safeParse(input ?? {});
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

/** A config file's parsed content, where it is, and where it came from (for messages). */
interface FoundConfig {
  input: unknown;
  root: string;
  source: string;
}

/**
 * Finds and reads the config: `explicitPath` if given, else the nearest `org-guard.config.json`
 * or package.json with `"orgGuard"`, from `cwd` up to the repository root.
 */
export async function loadGuardConfig(cwd: string, explicitPath?: string): Promise<GuardConfig> {
  const found = findGuardConfig(cwd, explicitPath);
  return found ? resolveGuardConfig(found.input, found.root, found.source) : defaultGuardConfig(resolve(cwd));
}

/** The same search, synchronous, with the schema given: what the ESLint plugin runs per directory. */
export function loadGuardConfigSync(schema: Schema, cwd: string): GuardConfig {
  const found = findGuardConfig(cwd);
  return found ? resolveWith(schema, found.input, found.root, found.source) : defaultGuardConfig(resolve(cwd));
}

function findGuardConfig(cwd: string, explicitPath?: string): FoundConfig | undefined {
  if (explicitPath) {
    const path = resolve(cwd, explicitPath);
    if (!existsSync(path)) throw new GuardError("ORG_GUARD_USAGE", `config file not found: ${explicitPath}`);
    return { input: readJson(path), root: dirname(path), source: path };
  }
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const own = join(dir, "org-guard.config.json");
    if (existsSync(own)) return { input: readJson(own), root: dir, source: own };
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      const section = (readJson(pkg) as { orgGuard?: unknown } | null)?.orgGuard;
      if (section !== undefined) return { input: section, root: dir, source: `${pkg} ("orgGuard")` };
    }
    if (existsSync(join(dir, ".git")) || dirname(dir) === dir) return undefined;
  }
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new GuardError("ORG_GUARD_CONFIG", `cannot read org-guard config ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
