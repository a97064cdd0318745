import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkFiles, defaultGuardConfig } from "../src/index.ts";
import { PARALLEL_THRESHOLD } from "../src/run.ts";
import { tempTree } from "./helpers.ts";

// Large checks are split across worker threads by the built CLI; the results must be exactly
// those of the single-threaded check, in the same order.
describe("parallel check", () => {
  it("the built CLI on a large tree reports what the in-process check reports", async () => {
    const corpus = join(import.meta.dirname, "corpus");
    const sources = ["positives.ts", "negatives.ts", "positives.py", "legacy.cjs"].map((f) => [
      f,
      readFileSync(join(corpus, f), "utf8"),
    ]);
    const files: Record<string, string> = {};
    for (let i = 0; i < PARALLEL_THRESHOLD + 40; i++) {
      const [name, text] = sources[i % sources.length]!;
      files[`src/${String(i).padStart(3, "0")}-${name}`] = text!;
    }
    const root = tempTree(files);
    const built = spawnSync(
      process.execPath,
      [join(import.meta.dirname, "../bin/org-guard.js"), "check", "src", "--format", "json"],
      {
        cwd: root,
        encoding: "utf8",
        maxBuffer: 1 << 26,
      },
    );
    expect(built.status).toBe(1);
    const inProcess = await checkFiles({ cwd: root, paths: ["src"], config: defaultGuardConfig(root) });
    const expected = inProcess.results.map((r) => ({ filePath: join(root, r.filePath), messages: r.messages }));
    const actual = JSON.parse(built.stdout).map((r: { filePath: string; messages: unknown[] }) => ({
      filePath: r.filePath,
      messages: r.messages,
    }));
    expect(actual).toEqual(expected);
    expect(actual.flatMap((r: { messages: unknown[] }) => r.messages).length).toBeGreaterThan(1000);
  });
});
