import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { getChecklist } from "@org/checklists";
import { createTestRepo, type TestRepo } from "@org/provenance/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { codeLines, runAudit } from "./cli.ts";

let repo: TestRepo;
const AI_ITEMS = getChecklist("ai-generated-code").items;
const body = (ticked: number) =>
  ["## What and why", "", ...AI_ITEMS.map((item, i) => `- [${i < ticked ? "x" : " "}] ${item.text}`)].join("\n");

beforeEach(() => {
  repo = createTestRepo("org-audit-gate-");
  repo.commit({
    files: { "src/app.ts": `${codeLines("a", 3).join("\n")}\n`, "test/app.test.ts": "// tests\n" },
    message: "Start",
  });
  repo.git("checkout", "-q", "-b", "feature");
});
afterEach(() => repo.remove());

async function gate(options: { title?: string; body?: string; format?: string } = {}) {
  const args = ["pr", "--base", "main", "--title", options.title ?? "A change"];
  if (options.body !== undefined) {
    // Inside .git: the body is not part of the change, and goes away with the repository.
    writeFileSync(join(repo.dir, ".git", "pr-body.md"), options.body);
    args.push("--body-file", join(repo.dir, ".git", "pr-body.md"));
  }
  if (options.format) args.push("--format", options.format);
  return runAudit(args, repo.dir);
}

const aiSource = (extra: string[] = []) =>
  repo.commit({
    files: { "src/app.ts": `${[...codeLines("a", 3), ...codeLines("b", 2, 4), ...extra].join("\n")}\n` },
    message: "Extend the app\n\nAssisted-by: Claude Code",
  });
const humanTest = () => repo.commit({ files: { "test/app.test.ts": "// tests\n// more tests\n" }, message: "Test it" });

describe("org-audit pr", () => {
  it("fails an AI-assisted change whose AI checklist items are not all ticked, one line per item", async () => {
    aiSource();
    humanTest();
    const { code, stdout } = await gate({ body: body(4) });
    expect(code).toBe(1);
    const failures = stdout.split("\n").filter((l) => l.startsWith("FAIL "));
    expect(failures).toEqual(
      AI_ITEMS.slice(4).map((item) => `FAIL checklist: AI checklist item not ticked: "${item.text}"`),
    );
  });

  it("fails an AI-assisted change that changes source without tests", async () => {
    aiSource();
    const { code, stdout } = await gate({ body: body(AI_ITEMS.length) });
    expect(code).toBe(1);
    expect(stdout).toContain("FAIL tests: source changed without any test changing: src/app.ts");
    expect(stdout.split("\n").filter((l) => l.startsWith("FAIL "))).toHaveLength(1);
  });

  it("fails an AI-assisted change with a hardcoded timeout in its new lines, naming file and line", async () => {
    aiSource(["export const signal = AbortSignal.timeout(5000);"]);
    humanTest();
    const { code, stdout } = await gate({ body: body(AI_ITEMS.length) });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^FAIL guard: src\/app\.ts:6:\d+ no-hardcoded-timeout: /m);
  });

  it("passes a complete AI-assisted change", async () => {
    aiSource();
    humanTest();
    const { code, stdout } = await gate({ body: body(AI_ITEMS.length) });
    expect(stdout).toContain("AI-assisted change:");
    expect(stdout.trim().split("\n").at(-1)).toBe("merge gate passed");
    expect(code).toBe(0);
  });

  it("passes a human-only change without checklist or tests; guard still applies to it", async () => {
    repo.commit({ files: { "src/app.ts": `${codeLines("h", 5).join("\n")}\n` }, message: "Human change" });
    const passed = await gate();
    expect(passed.code).toBe(0);
    expect(passed.stdout).toContain("human-only change");
    repo.commit({
      files: { "src/late.ts": "export const s = AbortSignal.timeout(3000);\n" },
      message: "Human timeout",
    });
    const failed = await gate();
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/FAIL guard: src\/late\.ts:1:\d+ no-hardcoded-timeout/);
  });

  it("a human change described with the unticked generated template stays human-only", async () => {
    const { pullRequestTemplate } = await import("@org/checklists");
    repo.commit({ files: { "src/app.ts": `${codeLines("h", 5).join("\n")}\n` }, message: "Human change" });
    const { code, stdout } = await gate({ body: pullRequestTemplate() });
    expect(stdout).toContain("human-only change");
    expect(code).toBe(0);
    const tagged = await gate({ body: `${pullRequestTemplate()}\n\n[AI-ASSISTED] Claude wrote the parser.` });
    expect(tagged.stdout).toContain("the description carries [AI-ASSISTED]");
  });

  it("treats [AI-ASSISTED] in the title as AI-assisted, and comments in Markdown", async () => {
    repo.commit({ files: { "src/app.ts": `${codeLines("h", 5).join("\n")}\n` }, message: "Human-looking change" });
    const { code, stdout } = await gate({ title: "[AI-ASSISTED] Add things", body: body(0), format: "markdown" });
    expect(code).toBe(1);
    expect(stdout).toContain("### org-audit merge gate: failed");
    expect(stdout).toContain("| checklist | AI checklist item not ticked:");
    expect(stdout).toContain("| tests | source changed without any test changing: src/app.ts |");
  });

  it("needs an integration test touched by a human when integration-relevant code changes", async () => {
    writeFileSync(
      join(repo.dir, "org-audit.config.json"),
      JSON.stringify({ integrationGlobs: ["src/cache/**"], integrationTestGlobs: ["test/integration/**"] }),
    );
    repo.commit({
      files: {
        "src/cache/invalidate.ts": "export const x = 1;\n",
        "test/integration/cache.test.ts": "// ai wrote it\n",
      },
      message: "Cache change\n\nAI-Assisted: yes",
    });
    const ai = await gate({ body: body(AI_ITEMS.length) });
    expect(ai.code).toBe(1);
    expect(ai.stdout).toContain("FAIL integration-tests: integration-relevant code changed (src/cache/invalidate.ts)");
    repo.commit({
      files: { "test/integration/cache.test.ts": "// checked by a person\n" },
      message: "Check the integration test",
    });
    expect((await gate({ body: body(AI_ITEMS.length) })).code).toBe(0);
  });

  it("requires --base, and names a bad one", async () => {
    expect((await runAudit(["pr"], repo.dir)).stderr).toContain("--base is required");
    const bad = await runAudit(["pr", "--base", "no-such-branch"], repo.dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("no-such-branch");
  });
});

describe(".github/workflows/ai-review.yml", () => {
  it("runs the gate on pull requests with the title and body passed through the environment", async () => {
    const { readFileSync } = await import("node:fs");
    const workflow = readFileSync(join(import.meta.dirname, "../../../.github/workflows/ai-review.yml"), "utf8");
    expect(workflow).toMatch(/^on:\n\s+pull_request:/m);
    expect(workflow).toContain("PR_TITLE: ${{ github.event.pull_request.title }}");
    expect(workflow).toContain("PR_BODY: ${{ github.event.pull_request.body }}");
    expect(workflow).toMatch(
      /org-audit pr --base "\$BASE_SHA" --head "\$HEAD_SHA" \\\n\s+--title "\$PR_TITLE" --body-file/,
    );
    expect(workflow).not.toMatch(/run:[^\n]*\$\{\{ github\.event\.pull_request\.(title|body)/);
  });
});
