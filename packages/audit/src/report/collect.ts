import { checkSource, DIRECTIVE, loadGuardConfig, type GuardConfig } from "@org/guard";
import {
  blameFile,
  classifyCommits,
  loadProvenanceConfig,
  type CommitClassification,
  type LineOrigin,
  type ProvenanceConfig,
} from "@org/provenance";
import picomatch from "picomatch";
import { AuditError } from "../errors.ts";
import { git, parseUnifiedDiff } from "../git.ts";
import { guidelineFor } from "../guidelines.ts";
import type {
  AuditReport,
  FixupCommit,
  GroupChanges,
  OriginCounts,
  ReportContext,
  ReportSectionProvider,
} from "./types.ts";

export interface ReportOptions {
  /** A directory inside the repository. */
  cwd: string;
  /** Window start, inclusive (ISO date or date-time, UTC when no offset). @example "2026-07-01" */
  since: string;
  /** Window end, exclusive. @example "2026-10-01" */
  until: string;
  /** @default "HEAD" */
  head?: string;
  /** @default the nearest org-audit.config.json */
  config?: ProvenanceConfig;
  /** @default the nearest org-guard.config.json */
  guardConfig?: GuardConfig;
  /** Called as files are blamed, for progress on long runs. */
  onProgress?: (done: number, total: number) => void;
  /** Extra sections (flakiness by origin, ...). */
  sections?: readonly ReportSectionProvider[];
  /**
   * Files blamed at once.
   * @default 4
   */
  concurrency?: number;
}

/** `2026Q3` -> the quarter's first day and the next quarter's first day. */
export function quarterWindow(quarter: string): { since: string; until: string } {
  const match = /^(\d{4})-?Q([1-4])$/i.exec(quarter.trim());
  if (!match) {
    throw new AuditError("ORG_AUDIT_USAGE", `--quarter "${quarter}" is not a quarter: write it like 2026Q3`);
  }
  const year = Number(match[1]);
  const q = Number(match[2]);
  const pad = (n: number) => String(n).padStart(2, "0");
  const since = `${year}-${pad((q - 1) * 3 + 1)}-01`;
  const until = q === 4 ? `${year + 1}-01-01` : `${year}-${pad(q * 3 + 1)}-01`;
  return { since, until };
}

function instant(value: string, option: string): number {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) {
    throw new AuditError("ORG_AUDIT_USAGE", `${option} "${value}" is not a date: write it like 2026-07-01`);
  }
  return time;
}

const counts = (ai: number, human: number): OriginCounts => ({
  ai,
  human,
  share: ai + human === 0 ? 0 : ai / (ai + human),
});
const per1000 = (n: number, lines: number) => (lines === 0 ? 0 : (n * 1000) / lines);

/** The package or directory a path belongs to, for the per-group table. */
export function groupOf(path: string): string {
  const parts = path.split("/");
  if (parts.length >= 3 && ["packages", "apps", "services", "libs", "modules", "crates"].includes(parts[0]!)) {
    return `${parts[0]}/${parts[1]}`;
  }
  return parts.length >= 2 ? parts[0]! : ".";
}

/** numstat's rename notation (`src/{a.ts => b.ts}`, `a.ts => b.ts`) -> the new path. */
function numstatPath(path: string): string {
  const braces = /^(.*)\{(.*) => (.*)\}(.*)$/.exec(path);
  if (braces) return `${braces[1]}${braces[3]}${braces[4]}`.replace(/\/\//g, "/");
  const arrow = path.indexOf(" => ");
  return arrow >= 0 ? path.slice(arrow + 4) : path;
}

/**
 * The quarterly audit of AI-assisted code: what AI commits changed in the window, what of it is alive at
 * the end, org-guard findings per 1,000 lines by origin, fix-ups as a defect proxy, and guidelines.
 */
export async function collectReport(options: ReportOptions): Promise<AuditReport> {
  const since = instant(options.since, "--since");
  const until = instant(options.until, "--until");
  if (until <= since) throw new AuditError("ORG_AUDIT_USAGE", `--until must be after --since`);
  const config = options.config ?? (await loadProvenanceConfig(options.cwd));
  const guardConfig = options.guardConfig ?? (await loadGuardConfig(options.cwd));
  const top = (await git(options.cwd, ["rev-parse", "--show-toplevel"])).trim();
  const all = await classifyCommits({ cwd: top, range: options.head ?? "HEAD", config });
  const classifications = new Map(all.map((c) => [c.sha, c]));
  const inWindow = (c: CommitClassification) => {
    const t = Date.parse(c.date);
    return t >= since && t < until;
  };
  const commits = all.filter(inWindow);
  const windowShas = new Set(commits.map((c) => c.sha));
  const endRevision = all.find((c) => Date.parse(c.date) < until)?.sha ?? null;
  const ignored = picomatch(config.ignore as string[], { dot: true });
  const isSource = picomatch(config.sourceGlobs as string[], { dot: true });
  const isTest = picomatch(config.testGlobs as string[], { dot: true });
  const isCode = (p: string) => !ignored(p) && (isSource(p) || isTest(p));

  // Changed lines per commit and file: one git log over the window's commits.
  const added = { ai: 0, human: 0 };
  const groups = new Map<string, GroupChanges & { shas: Set<string>; aiShas: Set<string> }>();
  let ai = 0;
  let human = 0;
  if (commits.length > 0) {
    const log = await git(
      top,
      ["log", "--no-walk=unsorted", "--stdin", "-M", "--numstat", "--format=%x00%H"],
      `${commits.map((c) => c.sha).join("\n")}\n`,
    );
    for (const record of log.split("\0")) {
      const [sha = "", ...rows] = record.trim().split("\n");
      const commit = classifications.get(sha);
      if (!commit) continue;
      for (const row of rows) {
        const [a, d, ...rest] = row.split("\t");
        if (a === undefined || d === undefined || a === "-" || rest.length === 0) continue; // binary
        const path = numstatPath(rest.join("\t"));
        if (ignored(path)) continue;
        const n = Number(a) + Number(d);
        const group = groupOf(path);
        const g = groups.get(group) ?? {
          group,
          ai: 0,
          human: 0,
          share: 0,
          commits: 0,
          aiCommits: 0,
          shas: new Set(),
          aiShas: new Set(),
        };
        groups.set(group, g);
        g.shas.add(sha);
        if (commit.origin === "ai") {
          g.ai += n;
          g.aiShas.add(sha);
          ai += n;
          added.ai += Number(a);
        } else {
          g.human += n;
          human += n;
          added.human += Number(a);
        }
      }
    }
  }
  const byGroup = [...groups.values()]
    .map(({ shas, aiShas, ...g }) => ({ ...g, ...counts(g.ai, g.human), commits: shas.size, aiCommits: aiShas.size }))
    .sort((a, b) => b.ai + b.human - (a.ai + a.human) || a.group.localeCompare(b.group));

  // Lines alive at the window's end: one blame per source/test file.
  const alive = { ai: 0, human: 0 };
  const writtenInWindow = { ai: 0, human: 0 };
  const checked = { ai: 0, human: 0 };
  const findings = { ai: 0, human: 0 };
  const rules = new Map<string, { ai: number; human: number }>();
  const suppressions = { ai: 0, human: 0, addedInWindow: { ai: 0, human: 0 } };
  const guardIgnored = picomatch(guardConfig.ignore, { dot: true });
  let files: string[] = [];
  if (endRevision) {
    files = (await git(top, ["ls-tree", "-r", "-z", "--name-only", endRevision]))
      .split("\0")
      .filter((p) => p && isCode(p));
    let done = 0;
    const queue = [...files];
    const worker = async () => {
      for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
        const lines = await blameFile({ cwd: top, file, rev: endRevision, config, classifications, withText: true });
        await tally(lines, file);
        options.onProgress?.(++done, files.length);
      }
    };
    const tally = async (lines: LineOrigin[], file: string) => {
      for (const l of lines) {
        alive[l.origin]++;
        if (windowShas.has(l.sha)) writtenInWindow[l.origin]++;
        if (l.text?.includes(DIRECTIVE)) {
          suppressions[l.origin]++;
          if (windowShas.has(l.sha)) suppressions.addedInWindow[l.origin]++;
        }
      }
      if (guardIgnored(file) || !/\.(?:[cm]?[jt]sx?|py)$/i.test(file)) return;
      const result = await checkSource(file, lines.map((l) => l.text ?? "").join("\n"), guardConfig);
      const originAt = new Map(lines.map((l) => [l.line, l.origin]));
      for (const l of lines) checked[l.origin]++;
      for (const m of result.messages) {
        if (m.ruleId === "parse-error") continue;
        const origin = originAt.get(m.line) ?? "human";
        findings[origin]++;
        const rule = rules.get(m.ruleId) ?? { ai: 0, human: 0 };
        rule[origin]++;
        rules.set(m.ruleId, rule);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  }
  const byRule = [...rules.entries()]
    .map(([rule, n]) => ({
      rule,
      ai: n.ai,
      human: n.human,
      aiPer1000: per1000(n.ai, checked.ai),
      humanPer1000: per1000(n.human, checked.human),
    }))
    .sort((a, b) => b.aiPer1000 - a.aiPer1000 || b.ai - a.ai || a.rule.localeCompare(b.rule));

  const fixups = await collectFixups(top, commits, classifications, config);
  const report: AuditReport = {
    window: { since: options.since, until: options.until, endRevision },
    commits: {
      total: commits.length,
      ...counts(commits.filter((c) => c.origin === "ai").length, commits.filter((c) => c.origin === "human").length),
    },
    changedLines: { ...counts(ai, human), byGroup },
    alive: {
      files: files.length,
      lines: counts(alive.ai, alive.human),
      writtenInWindow: counts(writtenInWindow.ai, writtenInWindow.human),
    },
    guard: {
      linesChecked: checked,
      findings,
      per1000: { ai: per1000(findings.ai, checked.ai), human: per1000(findings.human, checked.human) },
      byRule,
      suppressions,
    },
    fixups: {
      pattern: config.fixupPattern,
      commits: fixups.commits,
      lines: fixups.lines,
      per1000Added: { ai: per1000(fixups.lines.ai, added.ai), human: per1000(fixups.lines.human, added.human) },
    },
    guidelines: [],
    sections: [],
  };
  report.guidelines = guidelines(report);
  const context: ReportContext = {
    cwd: top,
    since: options.since,
    until: options.until,
    config,
    commits,
    classifications,
    endRevision,
  };
  for (const provider of options.sections ?? []) {
    const section = await provider(context);
    if (section) report.sections.push(section);
  }
  return report;
}

async function collectFixups(
  top: string,
  commits: CommitClassification[],
  classifications: Map<string, CommitClassification>,
  config: ProvenanceConfig,
): Promise<{ commits: FixupCommit[]; lines: { ai: number; human: number } }> {
  const pattern = new RegExp(config.fixupPattern, "i");
  const lines = { ai: 0, human: 0 };
  const result: FixupCommit[] = [];
  const ignored = picomatch(config.ignore as string[], { dot: true });
  for (const commit of [...commits].reverse().filter((c) => pattern.test(c.subject))) {
    const parents = (await git(top, ["rev-list", "--parents", "-n", "1", commit.sha])).trim().split(" ").slice(1);
    if (parents.length !== 1) continue; // a root commit fixes nothing; a merge's changes are its branches'
    const diff = parseUnifiedDiff(
      await git(top, ["diff", "-U0", "-M", "--no-color", "--no-ext-diff", parents[0]!, commit.sha]),
    );
    const fixed: FixupCommit = { sha: commit.sha, subject: commit.subject, ai: 0, human: 0 };
    for (const file of diff) {
      if (file.status === "A" || file.removedRanges.length === 0 || ignored(file.oldPath)) continue;
      const origins = await blameFile({
        cwd: top,
        file: file.oldPath,
        rev: parents[0]!,
        config,
        classifications,
        ranges: file.removedRanges,
      });
      for (const l of origins) fixed[l.origin]++;
    }
    lines.ai += fixed.ai;
    lines.human += fixed.human;
    result.push(fixed);
  }
  return { commits: result, lines };
}

const fmt = (n: number) => (Math.round(n * 10) / 10).toString();

/** The top patterns of the window turned into concrete instructions for coding assistants. */
export function guidelines(report: AuditReport): string[] {
  const lines: string[] = [];
  for (const rule of report.guard.byRule.filter((r) => r.ai > 0 && r.aiPer1000 >= r.humanPer1000).slice(0, 5)) {
    lines.push(
      `${guidelineFor(rule.rule)} (this window: ${rule.ai} ${rule.rule} findings in AI-written lines, ${fmt(rule.aiPer1000)} per 1,000 lines vs ${fmt(rule.humanPer1000)} in human-written lines.)`,
    );
  }
  const s = report.guard.suppressions.addedInWindow;
  if (s.ai > 0) {
    lines.push(
      `Do not add org-guard-ignore-next-line to get a change through: fix the timeout or cache call instead (this window: ${s.ai} suppressions added by AI-assisted commits, ${s.human} by human ones).`,
    );
  }
  const f = report.fixups.per1000Added;
  if (report.fixups.lines.ai > 0 && f.ai > f.human) {
    lines.push(
      `Handle the edge cases before proposing code: retries, partial failure, other regions, real latency (this window: AI-written lines needed ${fmt(f.ai)} fixed lines per 1,000 added vs ${fmt(f.human)} for human-written ones).`,
    );
  }
  if (lines.length === 0) lines.push("No pattern stood out in this window: keep following AGENTS.md.");
  return lines;
}
