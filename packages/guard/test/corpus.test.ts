import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSource, defaultGuardConfig } from "../src/index.ts";
import { LARGE_INPUT_TIMEOUT } from "./profile.ts";

// The labeled corpus: in test/corpus, a trailing `expect: <rule>[, <rule>]` comment marks each
// line that must be flagged, with its rules; every other line must come out clean.
const corpus = join(import.meta.dirname, "corpus");
const config = defaultGuardConfig(corpus);

/** The corpus files (its `packages/` folder holds whole packages, checked with their facts in package-facts.test.ts). */
const files = () =>
  readdirSync(corpus, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();

function expectedFindings(source: string): string[] {
  return source.split("\n").flatMap((line, index) => {
    const marker = /expect: ([a-z-]+(?:, [a-z-]+)*)/.exec(line);
    return marker ? marker[1]!.split(", ").map((rule) => `${index + 1}: ${rule}`) : [];
  });
}

describe("labeled corpus", () => {
  for (const file of files()) {
    it(`${file}: every expected finding on its line, nothing else`, async () => {
      const source = readFileSync(join(corpus, file), "utf8");
      const result = await checkSource(file, source, config);
      const found = result.messages.map((m) => `${m.line}: ${m.ruleId}`);
      expect(found.sort()).toEqual(expectedFindings(source).sort());
    });
  }

  // Every file of the corpus in one test: LARGE_INPUT_TIMEOUT, the test profile's limit for a large in-process check.
  it(
    "quotes no literal over several lines: no message of the corpus holds a newline",
    { timeout: LARGE_INPUT_TIMEOUT },
    async () => {
      const messages: string[] = [];
      for (const file of files()) {
        const result = await checkSource(file, readFileSync(join(corpus, file), "utf8"), config);
        messages.push(...result.messages.map((m) => m.message));
      }
      expect(messages.length).toBeGreaterThan(100);
      expect(messages.filter((message) => /[\r\n]/.test(message))).toEqual([]);
    },
  );

  it("has positives and negatives in both languages", () => {
    const all = files();
    const counts = { js: 0, py: 0 };
    for (const file of all) {
      const n = expectedFindings(readFileSync(join(corpus, file), "utf8")).length;
      counts[file.endsWith(".py") ? "py" : "js"] += n;
    }
    expect(counts.js).toBeGreaterThan(50);
    expect(counts.py).toBeGreaterThan(40);
    expect(all).toEqual(expect.arrayContaining(["negatives.ts", "negatives.py"]));
  });
});
