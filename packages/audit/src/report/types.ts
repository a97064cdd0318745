import type { CommitClassification, ProvenanceConfig } from "@org/provenance";

/** Counts by origin; `share` is ai / (ai + human), 0 when both are 0. */
export interface OriginCounts {
  ai: number;
  human: number;
  share: number;
}

/** One package or directory's changed lines in the window. */
export interface GroupChanges extends OriginCounts {
  /** `packages/<name>`, `apps/<name>`, a top-level directory, or "." for files at the root. */
  group: string;
  commits: number;
  aiCommits: number;
}

/** Guard findings by rule, in AI-origin and human-origin lines at the window's end. */
export interface RuleDensity {
  rule: string;
  ai: number;
  human: number;
  /** Findings per 1,000 AI-origin lines of the files org-guard checks. */
  aiPer1000: number;
  humanPer1000: number;
}

export interface FixupCommit {
  sha: string;
  subject: string;
  /** Lines it changed that AI / human commits had written. */
  ai: number;
  human: number;
}

/** An extra report section, e.g. flakiness by origin from the flakiness monitor. */
export interface ReportSection {
  /** Stable id; the JSON report keys the section's data by it. */
  id: string;
  title: string;
  /** Plain JSON for `--format json`. */
  data: unknown;
  /** The section's body for `--format markdown` (and, escaped, for html unless `html` is given). */
  markdown: string;
  /** Trusted HTML for the section's body in `--format html` (no scripts: the report is checked with axe). */
  html?: string;
}

/** What a section provider gets: the window and everything already computed. */
export interface ReportContext {
  cwd: string;
  since: string;
  until: string;
  config: ProvenanceConfig;
  /** Commits in the window, newest first. */
  commits: CommitClassification[];
  /** Every commit classified, by sha (for blame joins). */
  classifications: Map<string, CommitClassification>;
  /** The revision blamed for "at the window's end", or null when no commit precedes the end. */
  endRevision: string | null;
}

/** Adds a section to `org-audit report`; returns undefined to add nothing (e.g. no data yet). */
export type ReportSectionProvider = (context: ReportContext) => Promise<ReportSection | undefined>;

/** The quarterly audit (`org-audit report --format json`). */
export interface AuditReport {
  window: { since: string; until: string; endRevision: string | null };
  commits: { total: number; ai: number; human: number; share: number };
  /** Lines added plus deleted (git numstat) by AI vs human commits in the window. */
  changedLines: OriginCounts & { byGroup: GroupChanges[] };
  /** Lines of source and test files at the window's end, by the origin of the commit that last wrote them. */
  alive: { files: number; lines: OriginCounts; writtenInWindow: OriginCounts };
  guard: {
    /** AI-origin and human-origin lines in the files org-guard checks. */
    linesChecked: { ai: number; human: number };
    findings: { ai: number; human: number };
    per1000: { ai: number; human: number };
    byRule: RuleDensity[];
    /** Suppression comments (org-guard's ignore directive) alive at the end, by the origin of the line. */
    suppressions: { ai: number; human: number; addedInWindow: { ai: number; human: number } };
  };
  /** Later fix-up commits (subject matching `pattern`) and the lines they changed, by who wrote them. */
  fixups: {
    pattern: string;
    commits: FixupCommit[];
    lines: { ai: number; human: number };
    /** Lines fixed per 1,000 lines the origin added in the window. */
    per1000Added: { ai: number; human: number };
  };
  /** "What to tell the assistants": the top patterns as guideline lines. */
  guidelines: string[];
  sections: ReportSection[];
}
