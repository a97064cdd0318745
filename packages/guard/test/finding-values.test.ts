import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSource, defaultGuardConfig, type GuardMessage } from "../src/index.ts";
import { LARGE_INPUT_TIMEOUT } from "./profile.ts";

// A finding names the literal its rule judged and its column points at that literal, not at the first literal of the
// line (review22 item 8: `waitForStable(quietMs = 750, maxWaitTime = 5000)`, `{ interval: 50, timeout: 5000 }`).
const corpus = join(import.meta.dirname, "corpus");
const config = defaultGuardConfig(corpus);

/** The text a finding's span covers, whitespace folded as messages fold it. */
function spanText(source: string, m: GuardMessage): string {
  const lines = source.split("\n");
  const offset = (line: number, column: number) =>
    lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0) + column - 1;
  return fold(source.slice(offset(m.line, m.column), offset(m.endLine, m.endColumn)));
}

const fold = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * How a message may quote its span: the literal itself, a constant's definition (`TIMEOUT = 5000`), a wrapped value
 * shortened to its callee (`Option(4, ...)`), an option written with its key (`forever: true`).
 */
function quotesSpan(message: string, span: string): boolean {
  const text = fold(message);
  if ([`timeout ${span} `, `= ${span} `, `: ${span} `].some((quoted) => text.includes(quoted))) return true;
  const callee = /^([\w.]+)\(/.exec(span)?.[1];
  return callee !== undefined && text.includes(`timeout ${callee}(`);
}

describe("the literal a finding names", () => {
  for (const file of ["finding-values23.js", "finding-values23.py"]) {
    it(`${file}: each marked line's finding names its bound and points at it, not at an earlier literal`, async () => {
      const source = readFileSync(join(corpus, file), "utf8");
      const result = await checkSource(file, source, config);
      const marked = source.split("\n").flatMap((text, index) => {
        const named = /\(names ([\d.]+)\)/.exec(text)?.[1];
        return named === undefined ? [] : [{ line: index + 1, text, named }];
      });
      expect(marked.length).toBeGreaterThan(1);
      for (const { line, text, named } of marked) {
        const found = result.messages.filter((m) => m.line === line);
        // The code before the line's marker comment: the literal's own place on the line.
        const code = text.slice(0, text.search(/\s(\/\/|#) expect:/));
        const column = code.search(new RegExp(`(?<![\\w.])${named.replace(".", "\\.")}(?![\\w.])`)) + 1;
        expect(column).toBeGreaterThan(1);
        // An earlier literal on the line (a quiet window, a poll interval) is not what the finding is about.
        expect(code.slice(0, column - 1)).toMatch(/\d/);
        expect(found.map((m) => [m.message.split(" ").slice(0, 3).join(" "), m.column, m.endColumn])).toEqual([
          [`Hardcoded timeout ${named}`, column, column + named.length],
        ]);
      }
    });
  }

  // Every file of the corpus in one test: LARGE_INPUT_TIMEOUT, the test profile's limit for a large in-process check.
  it("every corpus finding quotes the text at its own span", { timeout: LARGE_INPUT_TIMEOUT }, async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const entry of readdirSync(corpus, { withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const source = readFileSync(join(corpus, entry.name), "utf8");
      for (const m of (await checkSource(entry.name, source, config)).messages) {
        if (!/^(Hardcoded|Unbounded) timeout /.test(m.message)) continue;
        checked += 1;
        const span = spanText(source, m);
        if (!quotesSpan(m.message, span)) wrong.push(`${entry.name}:${m.line}:${m.column} [${span}] ${m.message}`);
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(wrong).toEqual([]);
  });
});
