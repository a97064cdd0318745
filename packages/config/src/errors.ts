/** One problem with the configuration, named by where it came from. */
export interface ConfigIssue {
  /** Where the bad value came from: an environment variable, a file and JSON path, or a profile default. */
  readonly source: string;
  /** The config key, for example `TIMEOUT` or `regions[0].clusters[1].url`. */
  readonly key: string;
  /** What is wrong and what is allowed. */
  readonly message: string;
}

/**
 * The configuration could not be loaded. `issues` lists every problem at once, and
 * the message says how to fix them; no value of a sensitive setting appears in either.
 */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  /** Stable code for programs that branch on the failure. */
  readonly code = "ORG_CONFIG_INVALID";
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[], options?: { cause?: unknown }) {
    const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
    const lines = issues.map((issue) => `  - ${issue.source}: ${issue.message}`);
    super(
      [
        `Invalid @org configuration (${count}):`,
        ...lines,
        "Fix the values above and start again; `org-config schema` lists every setting and `org-config validate` checks a deployment.",
      ].join("\n"),
      options,
    );
    this.issues = issues;
  }
}
