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

  test("an empty file and a document that is not JUnit are refused", () => {
    expect(refuse("")).toMatch(/^reports\/junit\.xml:1: .*empty/);
    expect(refuse("<html><body>502 Bad Gateway</body></html>")).toMatch(/root element is <html>/);
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
