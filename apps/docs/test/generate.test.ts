import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GENERATED_DIRS, GENERATED_FILES } from "../.vitepress/generate/index.ts";

describe("the generated part of the docs source", () => {
  it.each([...GENERATED_DIRS.map((dir) => `${dir}/x.md`), ...GENERATED_FILES])("%s is ignored by git", (path) => {
    const ignored = execFileSync("git", ["check-ignore", "--no-index", join("apps/docs", path)], {
      cwd: join(import.meta.dirname, "../../.."),
      encoding: "utf8",
    });
    expect(ignored.trim()).toBe(join("apps/docs", path));
  });
});
