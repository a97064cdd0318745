import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CHECKLISTS, getChecklist, PULL_REQUEST_TEMPLATE_PATH, pullRequestTemplate, toMarkdown } from "../src/index.ts";
import { runChecklistsCli } from "../src/cli.ts";

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
      "- [ ] Python code reads ORG_TIMEOUT_MS / ORG_TIMEOUT_S exported by `org-config env`.",
    ]);
    expect(() => getChecklist("nope")).toThrow(/unknown checklist "nope"/);
  });

  it("the committed pull-request template is the generated one", () => {
    const committed = readFileSync(join(repoRoot, PULL_REQUEST_TEMPLATE_PATH), "utf8");
    expect(committed).toBe(`${pullRequestTemplate()}\n`);
    expect(runChecklistsCli(["pr-template", "--check"], { cwd: repoRoot, stdout: () => {}, stderr: () => {} })).toBe(0);
  });

  it("pr-template --check fails on a stale template", () => {
    const errors: string[] = [];
    const code = runChecklistsCli(["pr-template", "--check"], {
      cwd: "/nonexistent",
      stdout: () => {},
      stderr: (t) => errors.push(t),
    });
    expect(code).toBe(1);
    expect(errors.join("")).toContain("is out of date");
  });
});
