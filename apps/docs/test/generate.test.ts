import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GENERATED_DIRS, GENERATED_FILES } from "../.vitepress/generate/index.ts";

const REPO = join(import.meta.dirname, "../../..");
const generated = [...GENERATED_DIRS.map((dir) => `${dir}/`), ...GENERATED_FILES];

describe("the generated part of the docs source", () => {
  it.each(generated)("%s is ignored by git", (path) => {
    const file = path.endsWith("/") ? `${path}x.md` : path;
    const ignored = execFileSync("git", ["check-ignore", "--no-index", join("apps/docs", file)], {
      cwd: REPO,
      encoding: "utf8",
    });
    expect(ignored.trim()).toBe(join("apps/docs", file));
  });

  it("is ignored by prettier (the root check runs on a worktree where the site was built)", () => {
    const ignore = readFileSync(join(REPO, ".prettierignore"), "utf8").split("\n");
    expect(ignore).toEqual(expect.arrayContaining(generated.map((path) => `apps/docs/${path}`)));
  });
});
