import { classifyShas, type CommitClassification } from "./classify.ts";
import { loadProvenanceConfig, type ProvenanceConfig } from "./config.ts";
import { assertRevision, git } from "./git.ts";

/** Where one line of a file came from. */
export interface LineOrigin {
  /** 1-based line number in the file at the blamed revision. */
  line: number;
  origin: "ai" | "human";
  /** The commit that last wrote the line (following moves and copies). */
  sha: string;
  /** The line's content, when asked for with `withText` (saves reading the file again). */
  text?: string;
}

export interface BlameOptions {
  /** A directory inside the repository. */
  cwd: string;
  /** The file, relative to `cwd`. */
  file: string;
  /** @default "HEAD" */
  rev?: string;
  /** @default the nearest org-audit.config.json */
  config?: ProvenanceConfig;
  /**
   * Classifications already known (from `classifyCommits`), by sha; commits missing from it are
   * classified with one more git process.
   */
  classifications?: Map<string, CommitClassification>;
  /**
   * Include each line's content (`text`).
   * @default false
   */
  withText?: boolean;
  /**
   * Only these line ranges (1-based, inclusive), as `git blame -L`; all lines when absent.
   * @example [[10, 42]]
   */
  ranges?: readonly [number, number][];
}

/**
 * Every line's origin, from one `git blame --porcelain -M -C` joined with the commit classification.
 * @example aiShare(await blameFile({ cwd: ".", file: "src/a.test.ts" }), 10, 42)
 */
export async function blameFile(options: BlameOptions): Promise<LineOrigin[]> {
  const rev = options.rev ?? "HEAD";
  assertRevision(rev, "revision");
  const ranges = (options.ranges ?? []).flatMap(([from, to]) => ["-L", `${from},${to}`]);
  const out = await git(options.cwd, ["blame", "--porcelain", "-M", "-C", ...ranges, rev, "--", options.file]);
  const lines = parsePorcelain(out);
  const known = options.classifications ?? new Map<string, CommitClassification>();
  const missing = [...new Set(lines.map((l) => l.sha))].filter((sha) => !known.has(sha));
  const origins = new Map<string, "ai" | "human">();
  for (const [sha, c] of known) origins.set(sha, c.origin);
  if (missing.length > 0) {
    const config = options.config ?? (await loadProvenanceConfig(options.cwd));
    for (const c of await classifyShas(options.cwd, missing, config)) origins.set(c.sha, c.origin);
  }
  return lines.map(({ line, sha, text }) => ({
    line,
    sha,
    origin: origins.get(sha) ?? "human",
    ...(options.withText ? { text } : {}),
  }));
}

/** The final line number, commit and content of every line in `git blame --porcelain` output. */
export function parsePorcelain(out: string): { line: number; sha: string; text: string }[] {
  const result: { line: number; sha: string; text: string }[] = [];
  let current: { line: number; sha: string } | undefined;
  for (const row of out.split("\n")) {
    // A header is "<40 or 64 hex> <orig> <final> [<count>]"; the line's content follows a tab.
    if (row.startsWith("\t")) {
      if (current) result.push({ ...current, text: row.slice(1) });
      current = undefined;
      continue;
    }
    const match = /^([0-9a-f]{40,64}) \d+ (\d+)(?: \d+)?$/.exec(row);
    if (match) current = { sha: match[1]!, line: Number(match[2]) };
  }
  return result;
}

/**
 * The AI share of lines `startLine`..`endLine` (inclusive, 1-based): a test's body, a function.
 * `share` is ai / (ai + human), 0 when the range holds no lines.
 */
export function aiShare(
  lines: readonly LineOrigin[],
  startLine: number,
  endLine: number,
): { ai: number; human: number; share: number } {
  let ai = 0;
  let human = 0;
  for (const l of lines) {
    if (l.line < startLine || l.line > endLine) continue;
    if (l.origin === "ai") ai++;
    else human++;
  }
  return { ai, human, share: ai + human === 0 ? 0 : ai / (ai + human) };
}

/** A run of consecutive lines from one commit. */
export interface LineRange {
  startLine: number;
  endLine: number;
  origin: "ai" | "human";
  sha: string;
}

/** Collapses per-line origins into runs of consecutive lines written by the same commit. */
export function toRanges(lines: readonly LineOrigin[]): LineRange[] {
  const ranges: LineRange[] = [];
  for (const l of [...lines].sort((a, b) => a.line - b.line)) {
    const last = ranges.at(-1);
    if (last && last.sha === l.sha && last.endLine === l.line - 1) last.endLine = l.line;
    else ranges.push({ startLine: l.line, endLine: l.line, origin: l.origin, sha: l.sha });
  }
  return ranges;
}
