import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ChecklistNotFoundError,
  CHECKLISTS,
  getChecklist,
  PULL_REQUEST_TEMPLATE_PATH,
  pullRequestTemplate,
  toMarkdown,
} from "../src/index.ts";
import { checklistsCli } from "../src/cli.ts";

const cli = checklistsCli("1.2.3");

async function run(argv: string[], cwd = repoRoot) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await cli.run(argv, { cwd, stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

const repoRoot = join(import.meta.dirname, "../../..");

describe("checklists", () => {
  it("have unique ids and items", () => {
    expect(new Set(CHECKLISTS.map((c) => c.id)).size).toBe(CHECKLISTS.length);
    for (const c of CHECKLISTS) expect(new Set(c.items.map((i) => i.id)).size, c.id).toBe(c.items.length);
  });

  it("render as a Markdown task list", () => {
    const md = toMarkdown(getChecklist("timeouts"), new Set(["from-config"]));
    expect(md.split("\n").slice(0, 4)).toEqual([
      "### Timeouts and network calls",
      "",
      "- [x] Timeouts come from config.TIMEOUT (or config.timeouts) in @org/config, never from a literal: dev 5 s, staging 30 s, prod 60 s.",
      '- [ ] Python code takes timeouts from `org_toolkit.config` (`config.TIMEOUT` in ms, `config.timeout_s` for `requests`); shell scripts export ORG_TIMEOUT_MS / ORG_TIMEOUT_S with `eval "$(org-config env --format shell)"` (plain `org-config env` prints KEY=value lines for pipes, not exports).',
    ]);
    expect(() => getChecklist("nope")).toThrow(ChecklistNotFoundError);
    expect(() => getChecklist("nope")).toThrow(/unknown checklist "nope"/);
  });

  it("the committed pull-request template is the generated one", async () => {
    const committed = readFileSync(join(repoRoot, PULL_REQUEST_TEMPLATE_PATH), "utf8");
    expect(committed).toBe(`${pullRequestTemplate()}\n`);
    expect((await run(["pr-template", "--check"])).code).toBe(0);
  });

  it("pr-template --check fails on a stale template", async () => {
    const { code, stderr } = await run(["pr-template", "--check"], "/nonexistent");
    expect(code).toBe(1);
    expect(stderr).toContain("is out of date");
  });

  it("pr-template --write writes the generated template", async () => {
    const dir = mkdtempSync(join(tmpdir(), "org-checklists-"));
    try {
      expect(await run(["pr-template", "--write"], dir)).toMatchObject({ code: 0 });
      expect(readFileSync(join(dir, PULL_REQUEST_TEMPLATE_PATH), "utf8")).toBe(`${pullRequestTemplate()}\n`);
      expect((await run(["pr-template", "--check"], dir)).code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("org-checklists", () => {
  it("lists and shows checklists", async () => {
    const list = await run(["list"]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^timeouts\s+Timeouts and network calls \(\d+ items\)/);
    const show = await run(["show", "timeouts"]);
    expect(show).toMatchObject({ code: 0, stdout: toMarkdown(getChecklist("timeouts")) });
  });

  it("has --help generated from its commands and options, and --version", async () => {
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: org-checklists <command> [options]");
    expect(help.stdout).toMatch(/show <id>\s+Print a checklist as Markdown/);
    expect((await run(["pr-template", "--help"])).stdout).toMatch(/--check\s+Exit 1 if/);
    expect(await run(["--version"])).toMatchObject({ code: 0, stdout: "1.2.3" });
  });

  it("refuses bad command lines with exit 2 and a hint", async () => {
    expect(await run(["show", "nope"])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(
        /^org-checklists: unknown checklist "nope".*\nRun `org-checklists show --help` for usage\.$/,
      ),
    });
    expect(await run(["lst"])).toMatchObject({ code: 2, stderr: expect.stringContaining('(did you mean "list"?)') });
    expect(await run(["show"])).toMatchObject({ code: 2, stderr: expect.stringContaining("show needs <id>") });
    expect(await run(["list", "--write"])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("--write does not apply to list (it is an option of pr-template)"),
    });
    expect((await run(["pr-template", "--write", "--check"])).code).toBe(2);
  });
});
