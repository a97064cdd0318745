import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { ProvenanceError } from "./errors.ts";
import { DEFAULT_AI_IDENTITIES, type AiIdentity } from "./identities.ts";

/** The config file's name, looked up from the working directory to the repository root. */
export const CONFIG_FILE = "org-audit.config.json";

/**
 * The one configuration of provenance and `org-audit` (org-audit.config.json), defaults applied.
 * The commit-msg hook, the merge gate, the report and the flakiness monitor all read this.
 */
export interface ProvenanceConfig {
  /** AI assistants recognised in Co-authored-by trailers and as authors: the built-in list plus the file's. */
  aiIdentities: readonly AiIdentity[];
  /**
   * The subject tag that marks an AI-assisted commit or pull request (matched case-insensitively).
   * @default "[AI-ASSISTED]"
   */
  subjectTag: string;
  /**
   * The commit-msg policy: "detect" never blocks; "declare" refuses a commit that neither carries an
   * AI signal nor `AI-Assisted: no`.
   * @default "detect"
   */
  policy: "detect" | "declare";
  /** Files that count as source code for the merge gate. @default common source extensions */
  sourceGlobs: readonly string[];
  /** Files that count as tests (unit or integration). @default *.test.*, *.spec.*, test/, tests/, test_*.py ... */
  testGlobs: readonly string[];
  /** Integration tests: written or checked by a human. @default integration/, e2e/, *.integration.test.* */
  integrationTestGlobs: readonly string[];
  /**
   * Code whose change needs an integration test touched by a human commit (caches, cross-region state).
   * @default [] (the check is off)
   * @example ["packages/cache-client/src/**"]
   */
  integrationGlobs: readonly string[];
  /**
   * Subjects of fix-up commits, the report's defect proxy (a case-insensitive regular expression).
   * @default "^(fix|fixup!|hotfix|revert|bugfix)\\b"
   */
  fixupPattern: string;
  /** Paths the report and the gate leave out (vendored or generated code). @default [] */
  ignore: readonly string[];
  /**
   * Modules whose default export adds a section to `org-audit report` (resolved from `root`), for
   * example the flakiness monitor's flakiness-by-origin section.
   * @default []
   * @example ["@org/flaky/report-section"]
   */
  reportSections: readonly string[];
  /** Directory the globs are relative to (the config file's, else the working directory). */
  root: string;
  /** Where the config came from, for messages: a path or "defaults". */
  source: string;
}

export const DEFAULT_SOURCE_GLOBS: readonly string[] = [
  "**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,vue,svelte}",
  "**/*.{py,go,rs,java,kt,scala,rb,php,cs,swift,c,h,cc,cpp,hpp,sh}",
];
export const DEFAULT_TEST_GLOBS: readonly string[] = [
  "**/*.{test,spec}.*",
  "**/{test,tests,__tests__,spec,e2e,integration}/**",
  "**/test_*.py",
  "**/*_test.{py,go}",
  "**/conftest.py",
];
export const DEFAULT_INTEGRATION_TEST_GLOBS: readonly string[] = [
  "**/{integration,e2e}/**",
  "**/*.{integration,e2e}.*",
  "**/*.{integration,e2e}.test.*",
  "**/test_integration_*.py",
];

/** The configuration used when there is no config file. */
export function defaultProvenanceConfig(root: string): ProvenanceConfig {
  return {
    aiIdentities: DEFAULT_AI_IDENTITIES,
    subjectTag: "[AI-ASSISTED]",
    policy: "detect",
    sourceGlobs: DEFAULT_SOURCE_GLOBS,
    testGlobs: DEFAULT_TEST_GLOBS,
    integrationTestGlobs: DEFAULT_INTEGRATION_TEST_GLOBS,
    integrationGlobs: [],
    fixupPattern: "^(fix|fixup!|hotfix|revert|bugfix)\\b",
    ignore: [],
    reportSections: [],
    root,
    source: "defaults",
  };
}

/** Validates a config file's parsed content; problems name `source` and the key. */
export async function resolveProvenanceConfig(input: unknown, root: string, source: string): Promise<ProvenanceConfig> {
  // zod loads only when there is a file to validate: the commit-msg hook starts on every commit.
  const { OrgAuditConfigSchema } = await import("./config-schema.ts");
  const parsed = OrgAuditConfigSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const keys = issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...issue.path, k].join(".")) : [];
      const where = keys.length ? keys.join(", ") : issue.path.length ? issue.path.join(".") : "(root)";
      return `  - ${where}: ${issue.message}`;
    });
    throw new ProvenanceError(
      "ORG_PROVENANCE_CONFIG",
      `Invalid org-audit config in ${source}:\n${problems.join("\n")}\nFix these keys (see the @org/audit README).`,
      { cause: { issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) } },
    );
  }
  const value = parsed.data;
  const defaults = defaultProvenanceConfig(root);
  return {
    aiIdentities: [...DEFAULT_AI_IDENTITIES, ...value.aiIdentities],
    subjectTag: value.subjectTag,
    policy: value.policy,
    sourceGlobs: value.sourceGlobs ?? defaults.sourceGlobs,
    testGlobs: value.testGlobs ?? defaults.testGlobs,
    integrationTestGlobs: value.integrationTestGlobs ?? defaults.integrationTestGlobs,
    integrationGlobs: value.integrationGlobs,
    fixupPattern: value.fixupPattern,
    ignore: value.ignore,
    reportSections: value.reportSections,
    root,
    source,
  };
}

/**
 * Finds and reads the config: `explicitPath` if given, else the nearest org-audit.config.json from
 * `cwd` up to the repository root; the defaults when there is none.
 */
export async function loadProvenanceConfig(cwd: string, explicitPath?: string): Promise<ProvenanceConfig> {
  if (explicitPath) {
    const path = resolve(cwd, explicitPath);
    if (!existsSync(path)) {
      throw new ProvenanceError("ORG_PROVENANCE_CONFIG", `config file not found: ${path}. Check the --config path.`);
    }
    return fromFile(path);
  }
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const file = join(dir, CONFIG_FILE);
    if (existsSync(file)) return fromFile(file);
    if (existsSync(join(dir, ".git"))) return defaultProvenanceConfig(dir);
    if (dirname(dir) === dir) return defaultProvenanceConfig(resolve(cwd));
  }
}

async function fromFile(path: string): Promise<ProvenanceConfig> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new ProvenanceError(
      "ORG_PROVENANCE_CONFIG",
      `cannot read org-audit config ${path}: ${(error as Error).message}. It must be a JSON object.`,
      { cause: error },
    );
  }
  return resolveProvenanceConfig(data, dirname(path), path);
}
