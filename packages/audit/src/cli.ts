import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { CliUsageError, command, defineCli, type CliIo } from "@org/cli-kit";
import { blameFile, classifyCommits, loadProvenanceConfig, toRanges } from "@org/provenance";
import { checkCommitMessage } from "./commit-msg.ts";
import { CONTEXT_FILES, generateContext } from "./context.ts";
import { AuditError } from "./errors.ts";
import { checkPullRequest, gateMarkdown } from "./gate.ts";
import { git } from "./git.ts";
import { collectReport, quarterWindow } from "./report/collect.ts";
import { reportHtml } from "./report/html.ts";
import { reportMarkdown } from "./report/markdown.ts";
import type { AuditReport, ReportSectionProvider } from "./report/types.ts";

export interface AuditIo extends CliIo {
  cwd: string;
  /** Progress lines for long runs (stderr, overwritten in place on a terminal). */
  progress?: (text: string) => void;
}

const config = {
  type: "string",
  valueName: "path",
  description: "org-audit.config.json to use (default: the nearest one)",
} as const;

function readInput(path: string, what: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, path), "utf8");
  } catch (error) {
    throw new AuditError("ORG_AUDIT_INPUT", `cannot read ${what} ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

function writeOutput(path: string, text: string, cwd: string): void {
  try {
    mkdirSync(dirname(resolve(cwd, path)), { recursive: true });
    writeFileSync(resolve(cwd, path), text);
  } catch (error) {
    throw new AuditError("ORG_AUDIT_WRITE", `cannot write ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** `org-audit`: AI-assisted code, tracked. */
export function auditCli(version: string) {
  return defineCli<AuditIo>({
    name: "org-audit",
    version,
    summary:
      "AI-assisted code, tracked: which commits and lines are AI-assisted, the commit-msg hook, the merge gate, the quarterly audit and the AI context (AGENTS.md).",
    footer:
      "Exit codes: 0 ok, 1 findings (a refused commit, a failed gate, stale context files), 2 usage or internal error.",
    exitCodes: {
      ORG_AUDIT_USAGE: "usage",
      ORG_AUDIT_INPUT: 2,
      ORG_AUDIT_WRITE: 2,
      ORG_PROVENANCE_GIT: 2,
      ORG_PROVENANCE_CONFIG: 2,
      ORG_GUARD_CONFIG: 2,
    },
    commands: {
      classify: command({
        summary: "Label each commit AI-assisted or human, with its evidence",
        args: "[range]",
        description: "range is anything git log takes (default HEAD), e.g. origin/main..HEAD.",
        options: {
          format: { type: "string", choices: ["table", "json"], default: "table", description: "Output format" },
          config,
        },
        async run({ values, args, io }) {
          const cfg = await loadProvenanceConfig(io.cwd, values.config);
          const commits = await classifyCommits({ cwd: io.cwd, range: args[0] ?? "HEAD", config: cfg });
          if (values.format === "json") {
            io.stdout(
              JSON.stringify(
                commits.map(({ sha, subject, origin, signals }) => ({ sha, subject, origin, signals })),
                null,
                2,
              ),
            );
            return;
          }
          for (const c of commits) {
            const evidence = c.signals.map((s) => `${s.kind}: ${s.detail}`).join("; ");
            io.stdout(`${c.sha.slice(0, 10)}  ${c.origin.padEnd(5)}  ${c.subject}${evidence ? `  [${evidence}]` : ""}`);
          }
          const ai = commits.filter((c) => c.origin === "ai").length;
          io.stdout(`${commits.length} commits, ${ai} AI-assisted`);
        },
      }),
      blame: command({
        summary: "Line ranges of a file by origin (ai or human)",
        args: "<file>",
        options: {
          rev: { type: "string", default: "HEAD", valueName: "rev", description: "Revision to blame" },
          format: { type: "string", choices: ["table", "json"], default: "table", description: "Output format" },
          config,
        },
        async run({ values, args, io }) {
          const cfg = await loadProvenanceConfig(io.cwd, values.config);
          const lines = await blameFile({ cwd: io.cwd, file: args[0]!, rev: values.rev, config: cfg });
          const ranges = toRanges(lines);
          if (values.format === "json") {
            io.stdout(
              JSON.stringify(
                ranges.map(({ startLine, endLine, origin, sha }) => ({ startLine, endLine, origin, sha })),
                null,
                2,
              ),
            );
            return;
          }
          for (const r of ranges)
            io.stdout(`${`${r.startLine}-${r.endLine}`.padEnd(12)} ${r.origin.padEnd(5)}  ${r.sha.slice(0, 10)}`);
          const ai = lines.filter((l) => l.origin === "ai").length;
          io.stdout(
            `${lines.length} lines, ${ai} AI (${lines.length ? ((ai / lines.length) * 100).toFixed(1) : "0.0"}%)`,
          );
        },
      }),
      "commit-msg": command({
        summary: "The commit-msg hook: detect (default) or require (declare) an AI declaration",
        args: "<file>",
        description:
          'Git passes the message file (.git/COMMIT_EDITMSG). The policy comes from org-audit.config.json ("policy").',
        options: { config },
        async run({ values, args, io }) {
          const cfg = await loadProvenanceConfig(io.cwd, values.config);
          const verdict = checkCommitMessage(readInput(args[0]!, "commit message file", io.cwd), {
            cwd: io.cwd,
            config: cfg,
          });
          if (verdict.message) io.stderr(verdict.message);
          return verdict.accepted ? 0 : 1;
        },
      }),
      pr: command({
        summary:
          "The merge gate: AI-assisted changes need the AI checklist, tests, human integration tests and a clean org-guard",
        options: {
          base: { type: "string", valueName: "rev", description: "Branch the change merges into (required)" },
          head: { type: "string", default: "HEAD", valueName: "rev", description: "The change's head" },
          title: { type: "string", valueName: "text", description: "Pull request title" },
          "body-file": { type: "string", valueName: "path", description: "File with the pull request description" },
          format: {
            type: "string",
            choices: ["text", "markdown", "json"],
            default: "text",
            description: "Output format",
          },
          config,
        },
        async run({ values, io }) {
          if (!values.base) throw new CliUsageError("--base is required (the branch the change merges into)");
          const cfg = await loadProvenanceConfig(io.cwd, values.config);
          const body = values["body-file"] ? readInput(values["body-file"], "--body-file", io.cwd) : "";
          const result = await checkPullRequest({
            cwd: io.cwd,
            base: values.base,
            head: values.head,
            title: values.title ?? "",
            body,
            config: cfg,
          });
          if (values.format === "json") io.stdout(JSON.stringify(result, null, 2));
          else if (values.format === "markdown") io.stdout(gateMarkdown(result));
          else {
            io.stdout(
              result.aiAssisted
                ? `AI-assisted change: ${result.evidence.join("; ")}`
                : "human-only change: only org-guard applies",
            );
            for (const r of result.reasons) io.stdout(`FAIL ${r.check}: ${r.message}`);
            io.stdout(result.passed ? "merge gate passed" : `merge gate failed: ${result.reasons.length} problem(s)`);
          }
          return result.passed ? 0 : 1;
        },
      }),
      report: command({
        summary: "The quarterly audit of AI-assisted code (markdown, html or json)",
        options: {
          quarter: { type: "string", valueName: "YYYYQn", description: "The quarter, e.g. 2026Q3" },
          since: { type: "string", valueName: "date", description: "Window start, inclusive (instead of --quarter)" },
          until: { type: "string", valueName: "date", description: "Window end, exclusive (instead of --quarter)" },
          head: { type: "string", default: "HEAD", valueName: "rev", description: "History to audit" },
          format: {
            type: "string",
            choices: ["markdown", "html", "json"],
            default: "markdown",
            description: "Output format",
          },
          output: { type: "string", short: "o", valueName: "path", description: "Write to a file instead of stdout" },
          section: {
            type: "string",
            multiple: true,
            valueName: "module",
            description: "Module whose default export adds a report section",
          },
          config,
        },
        async run({ values, io }) {
          if (values.quarter && (values.since || values.until))
            throw new CliUsageError("give --quarter or --since/--until, not both");
          if (!values.quarter && !(values.since && values.until))
            throw new CliUsageError("give --quarter 2026Q3, or both --since and --until");
          const window = values.quarter
            ? quarterWindow(values.quarter)
            : { since: values.since!, until: values.until! };
          const cfg = await loadProvenanceConfig(io.cwd, values.config);
          // The flakiness monitor's section, when this repository has a store (org-flaky record); config modules
          // resolve from the config's directory, --section ones from the working directory.
          const flakiness: ReportSectionProvider = async (c) => (await import("@org/flaky")).flakinessByOrigin(c);
          const sections = [
            flakiness,
            ...(await loadSections(cfg.reportSections, cfg.root)),
            ...(await loadSections(values.section, io.cwd)),
          ];
          let last = 0;
          const report = await collectReport({
            cwd: io.cwd,
            ...window,
            head: values.head,
            config: cfg,
            sections,
            onProgress(done, total) {
              // One line per 5% (and the last): a long blame run shows it is moving without flooding logs.
              if (done === total || done - last >= Math.max(1, Math.ceil(total / 20))) {
                last = done;
                (io.progress ?? io.stderr)(`org-audit: blamed ${done}/${total} files`);
              }
            },
          });
          const text =
            values.format === "json"
              ? `${JSON.stringify(report, null, 2)}\n`
              : values.format === "html"
                ? reportHtml(report)
                : reportMarkdown(report);
          if (values.output) {
            writeOutput(values.output, text, io.cwd);
            io.stderr(`org-audit: wrote ${values.output}`);
          } else io.stdout(text.trimEnd());
        },
      }),
      context: command({
        summary: "Print AGENTS.md (the architecture context for AI assistants), or write/check it",
        options: {
          write: { type: "boolean", description: `Write ${CONTEXT_FILES.join(" and ")}` },
          check: { type: "boolean", description: "Exit 1 if the committed files differ from the generated ones" },
          report: {
            type: "string",
            valueName: "path",
            description:
              'A `report --format json` file whose guidelines become a "Lessons from the last audit" section',
          },
        },
        async run({ values, io }) {
          if (values.write && values.check) throw new CliUsageError("--write and --check cannot be combined");
          const text = generateContext(values.report ? readReport(values.report, io.cwd) : undefined);
          if (!values.write && !values.check) {
            io.stdout(text.trimEnd());
            return 0;
          }
          const root = (await git(io.cwd, ["rev-parse", "--show-toplevel"]).catch(() => io.cwd)).trim();
          if (values.check) {
            const stale = CONTEXT_FILES.filter((file) => {
              try {
                return readFileSync(resolve(root, file), "utf8") !== text;
              } catch {
                return true;
              }
            });
            if (stale.length === 0) return 0;
            io.stderr(
              `${stale.join(" and ")} ${stale.length > 1 ? "are" : "is"} out of date: run \`org-audit context --write\` and commit.`,
            );
            return 1;
          }
          for (const file of CONTEXT_FILES) {
            writeOutput(resolve(root, file), text, root);
            io.stdout(`wrote ${file}`);
          }
          return 0;
        },
      }),
    },
  });
}

async function loadSections(modules: readonly string[], cwd: string): Promise<ReportSectionProvider[]> {
  const providers: ReportSectionProvider[] = [];
  for (const specifier of modules) {
    const url = () =>
      specifier.startsWith(".") || specifier.startsWith("/")
        ? pathToFileURL(resolve(cwd, specifier)).href
        : // A package name resolves from the config's directory, not from org-audit's own node_modules.
          pathToFileURL(createRequire(join(cwd, "package.json")).resolve(specifier)).href;
    let loaded: { default?: unknown };
    try {
      loaded = (await import(url())) as { default?: unknown };
    } catch (error) {
      throw new AuditError(
        "ORG_AUDIT_INPUT",
        `cannot load report section ${specifier}: ${(error as Error).message.split("\n")[0]}`,
        {
          cause: error,
        },
      );
    }
    if (typeof loaded.default !== "function") {
      throw new AuditError(
        "ORG_AUDIT_INPUT",
        `report section ${specifier} must export a default function (context) => section`,
      );
    }
    providers.push(loaded.default as ReportSectionProvider);
  }
  return providers;
}

function readReport(path: string, cwd: string): AuditReport {
  const text = readInput(path, "--report", cwd);
  try {
    const report = JSON.parse(text) as AuditReport;
    if (!Array.isArray(report.guidelines) || typeof report.window?.since !== "string") throw new Error("no guidelines");
    return report;
  } catch (error) {
    throw new AuditError(
      "ORG_AUDIT_INPUT",
      `--report ${path} is not an org-audit report: write one with \`org-audit report --format json -o ${path}\``,
      { cause: error },
    );
  }
}
