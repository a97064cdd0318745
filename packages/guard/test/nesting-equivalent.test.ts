import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nestingBound } from "../src/nesting.ts";
import { nestingBound as before } from "./nesting-before-32.ts";

// Session 32 read the token's kind from its first characters instead of the pattern's capture groups (a string
// allocated per token): the bound must be the one the grouped pattern gave, for every text.

function sources(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.(m|c)?[jt]sx?$/.test(entry)) out.push(readFileSync(path, "utf8"));
  }
  return out;
}

describe("nestingBound without capture groups", () => {
  it("bounds the test corpus's files as the grouped pattern did", () => {
    const files = sources(join(import.meta.dirname, "corpus"));
    expect(files.length).toBeGreaterThan(20);
    for (const text of files) expect(nestingBound(text)).toBe(before(text));
  });

  it("bounds random texts of comments, strings, templates, operators and keywords as the grouped pattern did", () => {
    const alphabet = [
      "//",
      "/*",
      "*/",
      "/",
      "*",
      '"',
      "'",
      "`",
      "${",
      "}",
      "{",
      "(",
      ")",
      "[",
      "]",
      "\\",
      "\n",
      " ",
      ";",
      ",",
      "!",
      "?",
      ":",
      "=>",
      "=",
      "<",
      ">",
      ".",
      "&&",
      "a",
      "1",
      "if",
      "new",
      "return",
      "x1if",
      "#p",
      "\t",
    ];
    let seed = 32;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 5_000; i++) {
      const text = Array.from(
        { length: Math.floor(next() * 40) },
        () => alphabet[Math.floor(next() * alphabet.length)],
      ).join("");
      expect(nestingBound(text), JSON.stringify(text)).toBe(before(text));
    }
  });
});
