import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aiShare, blameFile, classifyCommits, toRanges } from "../src/index.ts";
import { createTestRepo, type TestRepo } from "../src/testing.ts";

let repo: TestRepo;
const sha: Record<string, string> = {};
const lines = (from: number, to: number, tag: string) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${tag} line ${from + i}`);

beforeAll(() => {
  repo = createTestRepo();
  sha.human = repo.commit({ files: { "src/a.ts": `${lines(1, 10, "human").join("\n")}\n` }, message: "Start a.ts" });
  const withAi = [...lines(1, 10, "human"), ...lines(11, 20, "ai")];
  sha.ai = repo.commit({
    files: { "src/a.ts": `${withAi.join("\n")}\n` },
    message: "Add the rest\n\nAssisted-by: Claude Code",
  });
  // A pure rename, then a human edit of line 3 under the new name.
  sha.rename = repo.commit({ renames: [["src/a.ts", "lib/b.ts"]], message: "Move a.ts to lib/b.ts" });
  const edited = [...withAi];
  edited[2] = "human edit of line 3";
  sha.edit = repo.commit({ files: { "lib/b.ts": `${edited.join("\n")}\n` }, message: "Edit line 3" });
});
afterAll(() => repo.remove());

describe("blameFile", () => {
  it("attributes every line across a rename to the commit that wrote it", async () => {
    const result = await blameFile({ cwd: repo.dir, file: "lib/b.ts" });
    expect(result).toHaveLength(20);
    expect(result[0]).toEqual({ line: 1, origin: "human", sha: sha.human });
    expect(result[2]).toEqual({ line: 3, origin: "human", sha: sha.edit });
    expect(result.slice(10).every((l) => l.origin === "ai" && l.sha === sha.ai)).toBe(true);
    expect(result.some((l) => l.sha === sha.rename)).toBe(false);
  });

  it("blames an older revision and reuses known classifications", async () => {
    const known = new Map((await classifyCommits({ cwd: repo.dir })).map((c) => [c.sha, c]));
    const before = await blameFile({ cwd: repo.dir, file: "src/a.ts", rev: sha.ai, classifications: known });
    expect(before.map((l) => l.origin)).toEqual([...Array(10).fill("human"), ...Array(10).fill("ai")]);
  });

  it("aiShare counts a line range; toRanges collapses runs", async () => {
    const result = await blameFile({ cwd: repo.dir, file: "lib/b.ts" });
    expect(aiShare(result, 9, 12)).toEqual({ ai: 2, human: 2, share: 0.5 });
    expect(aiShare(result, 11, 20)).toEqual({ ai: 10, human: 0, share: 1 });
    expect(aiShare(result, 30, 40)).toEqual({ ai: 0, human: 0, share: 0 });
    expect(toRanges(result)).toEqual([
      { startLine: 1, endLine: 2, origin: "human", sha: sha.human },
      { startLine: 3, endLine: 3, origin: "human", sha: sha.edit },
      { startLine: 4, endLine: 10, origin: "human", sha: sha.human },
      { startLine: 11, endLine: 20, origin: "ai", sha: sha.ai },
    ]);
  });

  it("names the file when it does not exist at the revision", async () => {
    await expect(blameFile({ cwd: repo.dir, file: "nope.ts" })).rejects.toThrow(/git blame failed.*nope\.ts/);
  });
});
