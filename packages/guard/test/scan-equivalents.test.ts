import { describe, expect, it } from "vitest";
import { NAME_BEFORE } from "../src/detect/javascript/deadline-timers.ts";
import { candidatesIn } from "../src/package-candidates.ts";

// Session 29's speed changes rewrote two text scans without changing what they find: each is checked here against the
// form it replaced.

/** The regular expression `NAME_BEFORE` replaced (no lookbehind: tried at every position inside each word). */
const OLD_NAME_BEFORE = /([\w$]+)\s*[:=]?\s*(async\s*)?(function\s*)?$/;

describe("the name before a function (deadline-timers.ts)", () => {
  it("finds what the pattern without the word-start lookbehind found", () => {
    const cases = [
      "  onTimeout() ",
      "_onTimeout = ",
      "x.handleError = async function ",
      "const f = async ",
      "asyncfunction ",
      "a$b: ",
      "foo(bar, ",
      "",
      "   ",
      "ab cd = ef",
    ];
    // Random texts of word characters, spaces and the punctuation the pattern reads.
    const alphabet = ["a", "b", "_", "$", "1", " ", "=", ":", "(", ".", "async", "function", "\n"];
    let seed = 29;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2_000; i++)
      cases.push(Array.from({ length: Math.floor(next() * 14) }, () => alphabet[Math.floor(next() * 13)]).join(""));
    for (const text of cases)
      expect(NAME_BEFORE.exec(text)?.[1], JSON.stringify(text)).toBe(OLD_NAME_BEFORE.exec(text)?.[1]);
  });
});

describe("helper candidates (package-candidates.ts)", () => {
  it("skip a use of a module's binding inside a word or after a dot, by its character code", () => {
    const text = [
      'import { _, wait } from "./helpers";',
      "a_(10000, x);",
      "x._(20000);",
      "$_(30000);",
      "9_(40000);",
      "__(45000);",
      "_(50000);",
      "o.wait(60000);",
      "await wait(70000);",
    ].join("\n");
    expect([...(candidatesIn([text]).helpers ?? [])].sort()).toEqual(["_", "wait"]);
    expect([
      ...(candidatesIn([text.replace("_(50000);", "").replace("await wait(70000);", "")]).helpers ?? []),
    ]).toEqual([]);
  });
});
