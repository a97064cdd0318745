import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { createTestRepo, type TestRepo } from "@org/provenance/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../../..");
let repo: TestRepo;

/** Commits through git, with this repository's real .husky/commit-msg hook installed. */
function commit(message: string): { ok: boolean; stderr: string } {
  writeFileSync(join(repo.dir, "file.txt"), `${Math.random()}\n`);
  repo.git("add", "file.txt");
  try {
    execFileSync("git", ["commit", "-q", "-F", "-"], {
      cwd: repo.dir,
      input: message,
      encoding: "utf8",
      stdio: ["pipe", "pipe", "pipe"],
      env: {
        ...process.env,
        GIT_CONFIG_GLOBAL: "/dev/null",
        GIT_AUTHOR_NAME: "Dev",
        GIT_AUTHOR_EMAIL: "dev@example.com",
        GIT_COMMITTER_NAME: "Dev",
        GIT_COMMITTER_EMAIL: "dev@example.com",
        PATH: `${join(root, "node_modules/.bin")}${delimiter}${process.env.PATH}`,
      },
    });
    return { ok: true, stderr: "" };
  } catch (error) {
    return { ok: false, stderr: String((error as { stderr?: string }).stderr) };
  }
}

beforeAll(() => {
  repo = createTestRepo("org-audit-hook-");
  const hooks = join(repo.dir, ".hooks");
  mkdirSync(hooks);
  // The hook exactly as husky runs it from .husky/commit-msg (husky adds the shell).
  writeFileSync(join(hooks, "commit-msg"), `#!/bin/sh\n${readFileSync(join(root, ".husky/commit-msg"), "utf8")}`);
  chmodSync(join(hooks, "commit-msg"), 0o755);
  repo.git("config", "core.hooksPath", hooks);
  writeFileSync(join(repo.dir, "org-audit.config.json"), JSON.stringify({ policy: "declare" }));
});
afterAll(() => repo.remove());

describe("the commit-msg hook, policy declare", () => {
  it("refuses an undeclared commit and shows the two lines to add", () => {
    const before = repo.git("rev-list", "--all", "--count").trim();
    const result = commit("Change something\n\nNo declaration here.\n");
    expect(result.ok).toBe(false);
    expect(result.stderr).toContain("AI-Assisted: yes");
    expect(result.stderr).toContain("AI-Assisted: no");
    expect(result.stderr).toContain("policy: declare");
    expect(repo.git("rev-list", "--all", "--count").trim()).toBe(before);
  });

  it.each([
    ["AI-Assisted: no", "Change something\n\nAI-Assisted: no\n"],
    ["AI-Assisted: yes", "Change something\n\nAI-Assisted: yes\n"],
    ["Assisted-by", "Change something\n\nAssisted-by: Claude Code\n"],
    ["the subject tag", "[AI-ASSISTED] Change something\n"],
  ])("accepts a commit declared with %s", (_name, message) => {
    const before = Number(repo.git("rev-list", "--all", "--count").trim());
    expect(commit(message)).toEqual({ ok: true, stderr: "" });
    expect(Number(repo.git("rev-list", "--all", "--count").trim())).toBe(before + 1);
  });

  it("does not take a declaration in the body's prose for a trailer", () => {
    expect(commit("Change\n\nAI-Assisted: no\n\nbut this paragraph is last, so git has no trailers.\n").ok).toBe(false);
  });
});

describe("the commit-msg hook, policy detect (the default)", () => {
  it("never blocks", () => {
    writeFileSync(join(repo.dir, "org-audit.config.json"), JSON.stringify({ policy: "detect" }));
    expect(commit("Undeclared but fine\n").ok).toBe(true);
  });

  it("a broken config stops the commit with the file and key named", () => {
    writeFileSync(join(repo.dir, "org-audit.config.json"), JSON.stringify({ policy: "strict" }));
    const result = commit("Anything\n\nAI-Assisted: no\n");
    expect(result.ok).toBe(false);
    expect(result.stderr).toMatch(/org-audit\.config\.json[\s\S]*policy/);
  });
});
