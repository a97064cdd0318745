import { createTestRepo, type TestCommit, type TestRepo } from "@org/provenance/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeLines, runAudit } from "./cli.ts";

let repo: TestRepo;
const sha: Record<string, string> = {};

beforeAll(() => {
  repo = createTestRepo("org-audit-classify-");
  const planned: [string, TestCommit][] = [];
  const c = (name: string, message: string, author?: string) =>
    planned.push([name, { files: { [`notes/${name}.md`]: `${name}\n` }, message, author }]);
  c("human", "Write the README");
  c("tag", "[AI-ASSISTED] Add the retry helper");
  c("aiYes", "Add the parser\n\nAI-Assisted: yes");
  c("assisted", "Tidy\n\nAssisted-by: Cursor");
  c("generated", "Client\n\nGenerated-by: Codex");
  c("coauthor", "Fix\n\nCo-authored-by: Claude <noreply@anthropic.com>");
  c("aider", "aider: tests", "Ana Dev (aider) <ana@example.com>");
  c(
    "declared",
    "Careful change\n\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>\nAI-Assisted: no",
  );
  c("humanCo", "Pairing\n\nCo-authored-by: Bob Smith <bob@example.com>");
  planned.push(["write", { files: { "src/a.ts": `${codeLines("h", 5).join("\n")}\n` }, message: "Human start" }]);
  planned.push([
    "aiWrite",
    {
      files: { "src/a.ts": `${[...codeLines("h", 5), ...codeLines("a", 5, 6)].join("\n")}\n` },
      message: "More\n\nAssisted-by: Claude Code",
    },
  ]);
  planned.push(["rename", { renames: [["src/a.ts", "lib/renamed.ts"]], message: "Rename" }]);
  const shas = repo.commits(planned.map(([, commit]) => commit));
  planned.forEach(([name], i) => (sha[name] = shas[i]!));
});
afterAll(() => repo.remove());

describe("org-audit classify", () => {
  it("labels each commit with its origin and evidence in the documented JSON shape", async () => {
    const { code, stdout } = await runAudit(["classify", "--format", "json"], repo.dir);
    expect(code).toBe(0);
    const commits = JSON.parse(stdout) as {
      sha: string;
      subject: string;
      origin: string;
      signals: { kind: string; detail: string }[];
    }[];
    const by = new Map(commits.map((c) => [c.sha, c]));
    expect(Object.keys(commits[0]!).sort()).toEqual(["origin", "sha", "signals", "subject"]);
    const expected: [string, string, string | undefined][] = [
      ["human", "human", undefined],
      ["tag", "ai", "subject-tag"],
      ["aiYes", "ai", "trailer"],
      ["assisted", "ai", "trailer"],
      ["generated", "ai", "trailer"],
      ["coauthor", "ai", "co-author"],
      ["aider", "ai", "author-suffix"],
      ["declared", "human", "declared-human"],
      ["humanCo", "human", undefined],
    ];
    for (const [name, origin, kind] of expected) {
      const c = by.get(sha[name]!)!;
      expect(c.origin, name).toBe(origin);
      expect(c.signals[0]?.kind, name).toBe(kind);
    }
    expect(by.get(sha.assisted!)!.signals).toEqual([{ kind: "trailer", detail: "Assisted-by: Cursor" }]);
  });

  it("prints a table with a summary, and takes a range", async () => {
    const { code, stdout } = await runAudit(["classify", `${sha.human}..${sha.aiYes}`], repo.dir);
    expect(code).toBe(0);
    expect(stdout).toContain("ai     [AI-ASSISTED] Add the retry helper  [subject-tag: [AI-ASSISTED]]");
    expect(stdout.trim().split("\n").at(-1)).toBe("2 commits, 2 AI-assisted");
  });

  it("a bad range is a usage-style error with exit 2 and no stack", async () => {
    const { code, stderr } = await runAudit(["classify", "nope..HEAD"], repo.dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^org-audit: git log failed/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe("org-audit blame", () => {
  it("attributes lines across a rename as ranges", async () => {
    const { code, stdout } = await runAudit(["blame", "lib/renamed.ts", "--format", "json"], repo.dir);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      { startLine: 1, endLine: 5, origin: "human", sha: sha.write },
      { startLine: 6, endLine: 10, origin: "ai", sha: sha.aiWrite },
    ]);
  });

  it("blames an older revision under the old name, and summarises the table", async () => {
    const { stdout } = await runAudit(["blame", "src/a.ts", "--rev", sha.aiWrite!], repo.dir);
    expect(stdout.trim().split("\n").at(-1)).toBe("10 lines, 5 AI (50.0%)");
  });

  it("needs a file", async () => {
    const { code, stderr } = await runAudit(["blame"], repo.dir);
    expect(code).toBe(2);
    expect(stderr).toContain("blame needs <file>");
  });
});
