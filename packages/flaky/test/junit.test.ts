import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { categorise, FlakyError, parseJUnit } from "../src/index.ts";

const sample = (name: string) => readFileSync(join(import.meta.dirname, "reports", name), "utf8");
const parse = (name: string) => parseJUnit(sample(name), name, { root: "/repo" });

// vitest and pytest reports are produced by running the real tools (monitor.test.ts); these are the
// formats of the tools this repository cannot run (jest-junit, Playwright, Maven Surefire).
describe("reports from other runners", () => {
  test("jest-junit: no file attribute, the message is the text up to the stack, skipped tests kept apart", () => {
    const { executions, timestamp } = parse("jest-junit.xml");
    expect(executions.map((e) => [e.file, e.name, e.status])).toEqual([
      ["", "keys revokes a key", "failed"],
      ["", "keys lists keys", "passed"],
      ["", "keys rotates keys", "skipped"],
    ]);
    expect(executions[0]).toMatchObject({ message: "Error: connect ETIMEDOUT 10.0.0.7:443", category: "timeout" });
    expect(timestamp?.toISOString()).toBe("2026-07-01T09:00:00.000Z");
  });

  test("Playwright: the classname is the file, the error is in the element's text", () => {
    const { executions } = parse("playwright.xml");
    expect(executions.map((e) => [e.file, e.name, e.status, e.category])).toEqual([
      ["login.spec.ts", "login › shows the form", "passed", null],
      ["login.spec.ts", "login › signs in", "failed", "timeout"],
    ]);
  });

  test("Surefire: reruns count as retries, a flakyFailure is a pass on retry, errors are failures", () => {
    const { executions } = parse("surefire.xml");
    expect(executions.map((e) => [e.name, e.status, e.retries, e.category])).toEqual([
      ["com.example.KeysTest revokes", "failed", 1, "assertion"],
      ["com.example.KeysTest lists", "passed", 1, "timeout"],
      ["com.example.KeysTest fetches", "failed", 0, "network"],
      ["com.example.KeysTest skips", "skipped", 0, null],
    ]);
  });
});

describe("malformed reports are refused with the file and line", () => {
  const refuse = (xml: string) => {
    try {
      parseJUnit(xml, "reports/junit.xml", { root: "/repo" });
    } catch (error) {
      expect(error).toBeInstanceOf(FlakyError);
      expect((error as FlakyError).code).toBe("ORG_FLAKY_BAD_XML");
      return (error as Error).message;
    }
    throw new Error("the report was accepted");
  };

  test("a truncated file is reported at its last line with what was left open", () => {
    const full = sample("surefire.xml");
    const cut = full.slice(0, full.indexOf('<testcase name="lists"'));
    expect(refuse(cut)).toBe(
      `reports/junit.xml:${cut.trimEnd().split("\n").length}: not a valid JUnit XML report: the file ends before <testsuite> (opened at line 2) is closed (truncated?). Nothing from this file was stored; fix or regenerate it and record again.`,
    );
  });

  test("a mismatched tag is reported at its line", () => {
    expect(refuse(`<testsuites>\n<testsuite name="a">\n<testcase name="x"></testsuite>\n</testsuites>`)).toMatch(
      /^reports\/junit\.xml:3: .*closing tag/,
    );
  });

  test("two elements left open are both named, innermost first", () => {
    expect(refuse(`<testsuites>\n<testsuite name="a">\n<testcase name="x">\n<failure message="m">`)).toBe(
      "reports/junit.xml:4: not a valid JUnit XML report: the file ends before <failure> (opened at line 4), <testcase> (opened at line 3), <testsuite> (opened at line 2), <testsuites> (opened at line 1) are closed (truncated?). Nothing from this file was stored; fix or regenerate it and record again.",
    );
  });

  test("an entity XML does not define is refused at its line", () => {
    expect(refuse(`<testsuite name="a">\n<testcase name="x">&nbsp;</testcase>\n</testsuite>`)).toMatch(
      /^reports\/junit\.xml:2: .*undefined entity/,
    );
  });

  test("an empty file and a document that is not JUnit are refused", () => {
    expect(refuse("")).toMatch(/^reports\/junit\.xml:1: .*empty/);
    expect(refuse("<html><body>502 Bad Gateway</body></html>")).toMatch(/root element is <html>/);
  });
});

describe("what runners copy into their reports", () => {
  test("colour codes and other control characters in a failure are dropped, not refused", () => {
    const xml = `<testsuite name="s"><testcase classname="a.test.ts" name="t"><failure type="Error">\u001b[31mTest timed out in 5000ms.\u001b[39m\u0007\n    at x (a.test.ts:1:1)</failure></testcase></testsuite>`;
    expect(parseJUnit(xml, "r.xml", { root: "/repo" }).executions[0]).toMatchObject({
      status: "failed",
      message: "Test timed out in 5000ms.\uFFFD",
      category: "timeout",
    });
  });

  test("CDATA text, entities and character references are read as text", () => {
    const xml = `<testsuite name="s"><testcase classname="a.test.ts" name="a &amp; b &#x3E; c"><failure><![CDATA[expected <div> to be "x"]]>\n  at y</failure></testcase></testsuite>`;
    expect(parseJUnit(xml, "r.xml", { root: "/repo" }).executions[0]).toMatchObject({
      name: "a & b > c",
      message: 'expected <div> to be "x"',
    });
  });
});

describe("failure categories", () => {
  test.each([
    [
      "requests.exceptions.ReadTimeout",
      "HTTPSConnectionPool(host='staging'): Read timed out. (read timeout=5)",
      "timeout",
    ],
    ["TimeoutError", "staging proxy did not answer within 5 s", "timeout"],
    ["Error", "Test timed out in 5000ms.", "timeout"],
    ["Error", "connect ETIMEDOUT 10.0.0.7:443", "timeout"],
    ["requests.exceptions.ConnectionError", "Max retries exceeded", "network"],
    ["Error", "connect ECONNREFUSED 127.0.0.1:6379", "network"],
    ["AssertionError", "expected 1 to be 2 // Object.is equality", "assertion"],
    ["Error", "at listOnTimeout (node:internal/timers:581:17) KeyError: 'id'", "other"],
    ["ValueError", "invalid literal for int()", "other"],
  ])("%s: %s -> %s", (type, message, category) => {
    expect(categorise(type, message)).toBe(category);
  });
});
