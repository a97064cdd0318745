import { execFileSync } from "node:child_process";
import { originOf, parsePerson, type ProvenanceConfig, type Signal, type Trailer } from "@org/provenance";

/** The verdict of the commit-msg hook on one message. */
export interface CommitMessageVerdict {
  origin: "ai" | "human";
  signals: Signal[];
  /** Whether the message declares its origin (an AI signal, or `AI-Assisted: no`). */
  declared: boolean;
  /** False only under the "declare" policy for an undeclared message. */
  accepted: boolean;
  /** What to tell the committer (empty when there is nothing to say). */
  message: string;
}

/** The lines a committer adds to declare a commit, shown when the "declare" policy refuses one. */
export const DECLARATION_LINES = ["AI-Assisted: yes", "AI-Assisted: no"] as const;

/**
 * Judges a commit message (the file git passes to the commit-msg hook). Trailers are parsed by
 * `git interpret-trailers --parse`, exactly as `git log` will read them later.
 */
export function checkCommitMessage(
  text: string,
  options: { cwd: string; config: ProvenanceConfig; author?: string },
): CommitMessageVerdict {
  // What git will store: comment lines and the verbose diff below the scissors line are dropped.
  const scissors = text.search(/^# -+ >8 -+$/m);
  const message = (scissors >= 0 ? text.slice(0, scissors) : text)
    .split("\n")
    .filter((line) => !line.startsWith("#"))
    .join("\n")
    .trim();
  const subject = message.split("\n")[0] ?? "";
  const parsed = execFileSync("git", ["interpret-trailers", "--parse", "--no-divider"], {
    cwd: options.cwd,
    input: `${message}\n`,
    encoding: "utf8",
  });
  const trailers: Trailer[] = parsed
    .split("\n")
    .filter((line) => line.includes(":"))
    .map((line) => ({ key: line.slice(0, line.indexOf(":")).trim(), value: line.slice(line.indexOf(":") + 1).trim() }));
  const author = parsePerson(options.author ?? authorIdent(options.cwd));
  const { origin, signals } = originOf(
    { subject, authorName: author.name, authorEmail: author.email, trailers },
    options.config,
  );
  const declared = signals.length > 0;
  if (options.config.policy === "declare" && !declared && message !== "") {
    return {
      origin,
      signals,
      declared,
      accepted: false,
      message: [
        "org-audit: this commit does not say whether an AI assistant helped write it (policy: declare).",
        "Add one of these lines at the end of the message, after a blank line, and commit again:",
        "",
        `    ${DECLARATION_LINES[0]}    (an assistant wrote part of it; or Assisted-by: <tool>)`,
        `    ${DECLARATION_LINES[1]}     (written by a person)`,
        "",
        `Or tag the subject with ${options.config.subjectTag}. Policy set in ${options.config.source}.`,
      ].join("\n"),
    };
  }
  const evidence = signals.map((s) => s.detail).join("; ");
  return {
    origin,
    signals,
    declared,
    accepted: true,
    message: origin === "ai" ? `org-audit: AI-assisted commit (${evidence})` : "",
  };
}

function authorIdent(cwd: string): string {
  try {
    // "Name <email> 1700000000 +0000": the identity this commit will carry.
    return execFileSync("git", ["var", "GIT_AUTHOR_IDENT"], { cwd, encoding: "utf8" }).replace(
      /\s+\d+\s+[+-]\d{4}\s*$/,
      "",
    );
  } catch {
    return "";
  }
}
