import { loadProvenanceConfig, type ProvenanceConfig } from "./config.ts";
import { assertRevision, git } from "./git.ts";
import { originOf, type Signal, type Trailer } from "./signals.ts";

/** A commit and why it is AI-assisted or not. */
export interface CommitClassification {
  sha: string;
  subject: string;
  /** "Name <email>". */
  author: string;
  /** Author date, ISO 8601 with the author's offset. */
  date: string;
  origin: "ai" | "human";
  /** Every signal found; empty for a commit with no evidence (counted as human). */
  signals: Signal[];
}

export interface ClassifyOptions {
  /** A directory inside the repository. */
  cwd: string;
  /**
   * What to classify, in `git log` syntax: a revision, `a..b`, or several separated by spaces.
   * @default "HEAD"
   * @example "v1.2.0..HEAD"
   */
  range?: string;
  /** @default the nearest org-audit.config.json */
  config?: ProvenanceConfig;
  /** Only commits whose author date is at or after this (git's --since syntax). */
  since?: string;
  /** Only commits whose author date is before this (git's --until syntax). */
  until?: string;
}

// Field and record separators git prints for us; trailers are git's own parse (unfolded, trailers only).
const US = "\x1f";
const RS = "\x1e";
const FORMAT = `%H${US}%an${US}%ae${US}%aI${US}%s${US}%(trailers:unfold,only,key_value_separator=%x1f,separator=%x1e)`;

/**
 * Classifies every commit in `range` with one `git log` process, newest first.
 * @example await classifyCommits({ cwd: ".", range: "main..HEAD" })
 */
export async function classifyCommits(options: ClassifyOptions): Promise<CommitClassification[]> {
  const config = options.config ?? (await loadProvenanceConfig(options.cwd));
  const revisions = (options.range ?? "HEAD").split(/\s+/).filter(Boolean);
  for (const rev of revisions) assertRevision(rev, "range");
  if (!(await hasCommits(options.cwd))) return [];
  const dates = [
    ...(options.since ? [`--since=${options.since}`] : []),
    ...(options.until ? [`--until=${options.until}`] : []),
  ];
  const out = await git(options.cwd, ["log", "-z", `--format=${FORMAT}`, ...dates, ...revisions, "--"]);
  return parseLog(out, config);
}

/** Classifies the given commits (in any order) with one `git log --no-walk --stdin` process. */
export async function classifyShas(
  cwd: string,
  shas: readonly string[],
  config: ProvenanceConfig,
): Promise<CommitClassification[]> {
  if (shas.length === 0) return [];
  const out = await git(
    cwd,
    ["log", "-z", "--no-walk=unsorted", "--stdin", `--format=${FORMAT}`],
    `${shas.join("\n")}\n`,
  );
  return parseLog(out, config);
}

async function hasCommits(cwd: string): Promise<boolean> {
  const heads = await git(cwd, ["rev-parse", "--verify", "--quiet", "HEAD"]).catch(() => "");
  return heads.trim() !== "";
}

function parseLog(out: string, config: ProvenanceConfig): CommitClassification[] {
  const commits: CommitClassification[] = [];
  for (const record of out.split("\0")) {
    if (record.trim() === "") continue;
    // -z ends each record with NUL; the trailers field itself uses US between key and value.
    const parts = record.replace(/^\n/, "").split(US);
    const [sha = "", authorName = "", authorEmail = "", date = "", subject = ""] = parts;
    const rawTrailers = parts.slice(5).join(US);
    const trailers = parseTrailers(rawTrailers);
    const { origin, signals } = originOf({ subject, authorName, authorEmail, trailers }, config);
    commits.push({ sha, subject, author: `${authorName} <${authorEmail}>`, date, origin, signals });
  }
  return commits;
}

function parseTrailers(raw: string): Trailer[] {
  const trailers: Trailer[] = [];
  for (const entry of raw.split(RS)) {
    const at = entry.indexOf(US);
    if (at < 0) continue;
    trailers.push({ key: entry.slice(0, at).trim(), value: entry.slice(at + 1).trim() });
  }
  return trailers;
}
