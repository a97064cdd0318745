import { checkSource, loadGuardConfig, type GuardConfig } from "@org/guard";
import {
  classifyCommits,
  loadProvenanceConfig,
  type CommitClassification,
  type ProvenanceConfig,
} from "@org/provenance";
import picomatch from "picomatch";
import { bodyCarriesTag, untickedItems } from "./checklist-body.ts";
import { changedFiles, git, revision, type ChangedFile } from "./git.ts";

export interface GateOptions {
  /** A directory inside the repository. */
  cwd: string;
  /** The branch the change merges into. @example "origin/main" */
  base: string;
  /** @default "HEAD" */
  head?: string;
  /** The pull request's title. @default "" */
  title?: string;
  /** The pull request's description (Markdown, with the template's checklists). @default "" */
  body?: string;
  /** @default the nearest org-audit.config.json */
  config?: ProvenanceConfig;
  /** @default the nearest org-guard.config.json */
  guardConfig?: GuardConfig;
}

/** Why the gate fails; `check` names which of the four checks. */
export interface GateReason {
  check: "checklist" | "tests" | "integration-tests" | "guard";
  message: string;
}

export interface GateResult {
  /** Whether the change is AI-assisted: any commit is, or the title or body carries the tag. */
  aiAssisted: boolean;
  /** Why it is (commit signals, or the tag in the title/body). */
  evidence: string[];
  commits: CommitClassification[];
  changed: { path: string; status: string; kind: "source" | "test" | "other" }[];
  reasons: GateReason[];
  passed: boolean;
}

/**
 * The merge gate ("require human review + testing before merge"). An AI-assisted change fails when the
 * AI checklist is not all ticked, when source changed without tests, when integration-relevant code
 * changed without an integration test touched by a human commit, or when org-guard finds problems in
 * the changed lines. Human-only changes face the guard check only.
 */
export async function checkPullRequest(options: GateOptions): Promise<GateResult> {
  const head = revision(options.head ?? "HEAD", "--head");
  const base = revision(options.base, "--base");
  const config = options.config ?? (await loadProvenanceConfig(options.cwd));
  const mergeBase = (await git(options.cwd, ["merge-base", base, head])).trim();
  const commits = await classifyCommits({ cwd: options.cwd, range: `${mergeBase}..${head}`, config });
  const title = options.title ?? "";
  const body = options.body ?? "";
  const tag = config.subjectTag.toLowerCase();
  const evidence = [
    ...commits
      .filter((c) => c.origin === "ai")
      .map((c) => `${c.sha.slice(0, 8)} ${c.subject} (${c.signals.map((s) => s.detail).join("; ")})`),
    ...(title.toLowerCase().includes(tag) ? [`the title carries ${config.subjectTag}`] : []),
    ...(bodyCarriesTag(body, config.subjectTag) ? [`the description carries ${config.subjectTag}`] : []),
  ];
  const aiAssisted = evidence.length > 0;

  const ignored = picomatch(config.ignore as string[], { dot: true });
  const files = (await changedFiles(options.cwd, mergeBase, head)).filter((f) => !ignored(f.path));
  const isTest = picomatch(config.testGlobs as string[], { dot: true });
  const isSource = picomatch(config.sourceGlobs as string[], { dot: true });
  const kindOf = (path: string) => (isTest(path) ? "test" : isSource(path) ? "source" : "other");
  const changed = files.map((f) => ({ path: f.path, status: f.status, kind: kindOf(f.path) }) as const);

  const reasons: GateReason[] = [];
  if (aiAssisted) {
    for (const item of untickedItems(body)) {
      reasons.push({ check: "checklist", message: `AI checklist item not ticked: "${item.text}"` });
    }
    const sources = changed.filter((f) => f.kind === "source" && f.status !== "D");
    if (sources.length > 0 && !changed.some((f) => f.kind === "test")) {
      const names = sources.map((f) => f.path);
      reasons.push({
        check: "tests",
        message: `source changed without any test changing: ${names.slice(0, 5).join(", ")}${names.length > 5 ? ` and ${names.length - 5} more` : ""}`,
      });
    }
    reasons.push(...(await integrationReasons(options.cwd, config, changed, commits, mergeBase, head)));
  }
  reasons.push(...(await guardReasons(options, files, head)));
  return { aiAssisted, evidence, commits, changed, reasons, passed: reasons.length === 0 };
}

async function integrationReasons(
  cwd: string,
  config: ProvenanceConfig,
  changed: GateResult["changed"],
  commits: CommitClassification[],
  mergeBase: string,
  head: string,
): Promise<GateReason[]> {
  if (config.integrationGlobs.length === 0) return [];
  const relevant = picomatch(config.integrationGlobs as string[], { dot: true });
  const touched = changed.filter((f) => relevant(f.path)).map((f) => f.path);
  if (touched.length === 0) return [];
  const isIntegrationTest = picomatch(config.integrationTestGlobs as string[], { dot: true });
  const human = new Set(commits.filter((c) => c.origin === "human").map((c) => c.sha));
  // One git call: every commit's files, to see which integration tests a human commit touched.
  const log = await git(cwd, ["log", "--format=%x00%H", "--name-only", "-M", `${mergeBase}..${head}`]);
  const byHuman = log
    .split("\0")
    .filter(Boolean)
    .some((record) => {
      const [sha = "", ...paths] = record.trim().split("\n");
      return human.has(sha) && paths.some((p) => p !== "" && isIntegrationTest(p));
    });
  if (byHuman) return [];
  return [
    {
      check: "integration-tests",
      message: `integration-relevant code changed (${touched.slice(0, 3).join(", ")}${touched.length > 3 ? ", ..." : ""}) but no human commit touched an integration test (${config.integrationTestGlobs.join(", ")}): a person who knows the system writes or checks them`,
    },
  ];
}

async function guardReasons(options: GateOptions, files: ChangedFile[], head: string): Promise<GateReason[]> {
  const guardConfig = options.guardConfig ?? (await loadGuardConfig(options.cwd));
  const ignoredByGuard = picomatch(guardConfig.ignore, { dot: true });
  const reasons: GateReason[] = [];
  const top = (await git(options.cwd, ["rev-parse", "--show-toplevel"])).trim();
  for (const file of files) {
    if (file.status === "D" || file.addedLines.length === 0 || ignoredByGuard(file.path)) continue;
    if (!/\.(?:[cm]?[jt]sx?|py)$/i.test(file.path)) continue;
    const text = await git(top, ["show", `${head}:${file.path}`]);
    const result = await checkSource(file.path, text, guardConfig);
    const added = new Set(file.addedLines);
    for (const m of result.messages) {
      if (m.severity !== 2 || !added.has(m.line)) continue;
      reasons.push({ check: "guard", message: `${file.path}:${m.line}:${m.column} ${m.ruleId}: ${m.message}` });
    }
  }
  return reasons;
}

/** The gate's result as a pull-request comment. */
export function gateMarkdown(result: GateResult): string {
  const verdict = result.passed ? "passed" : "failed";
  const lines = [
    `### org-audit merge gate: ${verdict}`,
    "",
    result.aiAssisted
      ? `This change is **AI-assisted**: ${result.evidence.map((e) => `\`${e.replace(/`/g, "'")}\``).join(", ")}.`
      : "No AI-assisted commits and no [AI-ASSISTED] tag: only org-guard applies.",
    "",
  ];
  if (result.reasons.length === 0) lines.push("Every check passed.");
  else {
    lines.push("| check | problem |", "| --- | --- |");
    for (const r of result.reasons) lines.push(`| ${r.check} | ${r.message.replace(/\|/g, "\\|")} |`);
  }
  return lines.join("\n");
}
