import { inspect } from "node:util";

/** One problem with the configuration, named by where it came from. */
export interface ConfigIssue {
  /** Where the bad value came from: an environment variable, a file and JSON path, or a profile default. */
  readonly source: string;
  /** The config key, for example `TIMEOUT` or `regions[0].clusters[1].url`. */
  readonly key: string;
  /** What is wrong and what is allowed. */
  readonly message: string;
}

/** How many problems the message lists; `issues` holds them all. */
export const SHOWN_ISSUES = 20;

/**
 * The configuration could not be loaded. `issues` lists every problem at once, and the message
 * lists the first 20 and says how to fix them; no value of a sensitive setting appears in either.
 * `cause` holds the validator's own error for debugging; `util.inspect` leaves it out.
 */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  /** Stable code for programs that branch on the failure. */
  readonly code = "ORG_CONFIG_INVALID";
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[], options?: { cause?: unknown }) {
    const count = plural(issues.length, "problem");
    const lines = issues.slice(0, SHOWN_ISSUES).map((issue) => `  - ${issue.source}: ${issue.message}`);
    if (issues.length > SHOWN_ISSUES) lines.push(`  ... and ${plural(issues.length - SHOWN_ISSUES, "more problem")}`);
    super(
      [
        `Invalid @org configuration (${count}):`,
        ...lines,
        "Fix the values above and start again; `org-config schema` lists every setting and `org-config validate` checks a deployment.",
      ].join("\n"),
    );
    this.issues = issues;
    // Not an own property: Node's inspect would print the whole validator error after the message.
    if (options?.cause !== undefined) causes.set(this, compact(options.cause));
  }

  /** The validator's error behind the issues, when there was one. */
  override get cause(): unknown {
    return causes.get(this);
  }
}

// Defined here, not in the class body, so the published types need no node:util.
Object.defineProperty(ConfigError.prototype, inspect.custom, {
  value(this: ConfigError): string {
    return `${this.stack ?? this.message}\n  { code: '${this.code}', issues: [${plural(this.issues.length, "issue")}] }`;
  },
});

const causes = new WeakMap<ConfigError, unknown>();

// Node prints an uncaught error's cause without custom inspection, stack first: one line there,
// the validator's issues still on `cause.issues`.
function compact(cause: unknown): unknown {
  if (cause instanceof Error && Array.isArray((cause as { issues?: unknown }).issues)) {
    const count = (cause as unknown as { issues: unknown[] }).issues.length;
    Object.defineProperty(cause, "stack", {
      value: `${cause.name}: ${plural(count, "validator issue")} (read error.cause.issues)`,
      configurable: true,
      writable: true,
    });
  }
  return cause;
}

/** `1 region`, `3 regions`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
