import type { ProvenanceConfig } from "./config.ts";
import { matchIdentity, matchToolName, parsePerson } from "./identities.ts";

/** One piece of evidence about a commit's origin. */
export interface Signal {
  /**
   * What matched: the subject tag, an AI trailer (`AI-Assisted: yes`, `Assisted-by:`, `Generated-by:`),
   * a Co-authored-by naming an assistant, aider's " (aider)" author suffix, `AI-Assisted: no`, or an
   * author that is itself an assistant (a bot account).
   */
  kind: "subject-tag" | "trailer" | "co-author" | "author-suffix" | "declared-human" | "author";
  /** The matched text, e.g. "Assisted-by: Cursor" or "Co-authored-by: Claude <noreply@anthropic.com>". */
  detail: string;
}

export interface Trailer {
  key: string;
  value: string;
}

/** The parts of a commit its origin is decided from. */
export interface CommitEvidence {
  subject: string;
  authorName: string;
  authorEmail: string;
  /** Trailers as git parses them (`git interpret-trailers --parse`). */
  trailers: readonly Trailer[];
}

const YES = new Set(["yes", "true", "y", "1"]);
const NO = new Set(["no", "false", "n", "0", "none"]);
const TOOL_TRAILERS = new Set(["assisted-by", "generated-by"]);
// Free-form attributions some tools write ("Made-with: Cursor"): a signal only when they name a known assistant.
const NAMING_TRAILERS = new Set(["made-with", "generated-with", "created-with", "ai-tool"]);

/**
 * Decides a commit's origin. Any AI signal makes it "ai", except `AI-Assisted: no`, which declares a
 * human commit and wins; the overruled signals stay in the list as evidence.
 */
export function originOf(
  evidence: CommitEvidence,
  config: Pick<ProvenanceConfig, "aiIdentities" | "subjectTag">,
): { origin: "ai" | "human"; signals: Signal[] } {
  const signals: Signal[] = [];
  let declaredHuman = false;
  if (evidence.subject.toLowerCase().includes(config.subjectTag.toLowerCase())) {
    signals.push({ kind: "subject-tag", detail: config.subjectTag });
  }
  for (const { key, value } of evidence.trailers) {
    const name = key.toLowerCase();
    const detail = `${key}: ${value}`;
    if (name === "ai-assisted") {
      const answer = value.trim().toLowerCase();
      if (YES.has(answer)) signals.push({ kind: "trailer", detail });
      else if (NO.has(answer)) {
        declaredHuman = true;
        signals.unshift({ kind: "declared-human", detail });
      }
    } else if (TOOL_TRAILERS.has(name) && value.trim() !== "") {
      signals.push({ kind: "trailer", detail });
    } else if (NAMING_TRAILERS.has(name) && matchToolName(config.aiIdentities, value)) {
      signals.push({ kind: "trailer", detail });
    } else if (name === "co-authored-by") {
      const identity = matchIdentity(config.aiIdentities, parsePerson(value));
      if (identity) signals.push({ kind: "co-author", detail });
    }
  }
  if (/\s\(aider\)$/i.test(evidence.authorName)) {
    signals.push({ kind: "author-suffix", detail: evidence.authorName });
  } else {
    const identity = matchIdentity(config.aiIdentities, { name: evidence.authorName, email: evidence.authorEmail });
    if (identity) signals.push({ kind: "author", detail: `${evidence.authorName} <${evidence.authorEmail}>` });
  }
  const ai = signals.some((s) => s.kind !== "declared-human");
  return { origin: ai && !declaredHuman ? "ai" : "human", signals };
}
