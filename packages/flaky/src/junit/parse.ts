import { existsSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { categorise } from "../categories.ts";
import type { TestExecution } from "./types.ts";
import { badXml, readXml, type XmlNode } from "./validate.ts";

type Node = XmlNode;

/** Where the report's relative paths and dotted class names are resolved (the repository root). */
export interface ParseOptions {
  root: string;
}

/**
 * Parses one JUnit XML report as written by vitest's `junit` reporter, pytest `--junitxml` (xunit1 and
 * xunit2), jest-junit, Playwright and Maven Surefire into executions, in one strict pass. Throws a `FlakyError`
 * (`ORG_FLAKY_BAD_XML`) naming the file and line when the XML is malformed or truncated.
 */
export function parseJUnit(xml: string, file: string, options: ParseOptions): JUnitReport {
  const doc = readXml(xml, file);
  const roots = [...list(doc.testsuites), ...(doc.testsuite ? [{ testsuite: doc.testsuite }] : [])];
  if (roots.length === 0) {
    const root = Object.keys(doc).find((key) => !key.startsWith("?") && key !== "#text");
    throw badXml(file, 1, `the root element is <${root ?? "?"}>, not <testsuites> or <testsuite>`);
  }
  const executions: TestExecution[] = [];
  let timestamp: Date | null = null;
  const walk = (suite: Node, parentFile: string | undefined) => {
    const started = new Date(attr(suite, "timestamp") ?? "");
    if (Number.isFinite(started.getTime()) && (timestamp === null || started < timestamp)) timestamp = started;
    const suiteFile = attr(suite, "file") ?? attr(suite, "filepath") ?? parentFile;
    for (const testcase of list(suite.testcase)) executions.push(toExecution(testcase, suite, suiteFile, options));
    for (const child of list(suite.testsuite)) walk(child, suiteFile);
  };
  for (const root of roots) {
    for (const suite of list(root.testsuite)) walk(suite, undefined);
    for (const testcase of list(root.testcase)) executions.push(toExecution(testcase, root, undefined, options));
  }
  return { executions, timestamp };
}

/** One report's executions and when its earliest suite started (null when it does not say). */
export interface JUnitReport {
  executions: TestExecution[];
  timestamp: Date | null;
}

function toExecution(testcase: Node, suite: Node, suiteFile: string | undefined, options: ParseOptions): TestExecution {
  const classname = attr(testcase, "classname") ?? "";
  const rawName = attr(testcase, "name") ?? "";
  const { file, name } = identify(
    attr(testcase, "file") ?? suiteFile,
    classname,
    rawName,
    attr(suite, "name") ?? "",
    options.root,
  );
  const failures = [...list(testcase.failure), ...list(testcase.error)];
  const reruns = [...list(testcase.rerunFailure), ...list(testcase.rerunError)];
  const flakes = [...list(testcase.flakyFailure), ...list(testcase.flakyError)];
  const skipped = list(testcase.skipped).length > 0;
  const seconds = Number(attr(testcase, "time"));
  const durationMs = Number.isFinite(seconds) ? Math.round(seconds * 1000 * 1000) / 1000 : null;
  const failed = failures.length > 0;
  if (!failed && skipped) {
    return { file, name, status: "skipped", retries: 0, durationMs, message: null, failureType: null, category: null };
  }
  // vitest writes one <failure> per attempt; Surefire writes <rerunFailure> per extra attempt and
  // <flakyFailure> for each failed attempt of a test that passed in the end.
  const first = failed ? failures[0]! : flakes[0];
  const message = first ? failureMessage(first) : null;
  const failureType = first ? (attr(first, "type") ?? null) : null;
  // Playwright's message attribute is the test's location; the error is in the element's text.
  const detail = first ? `${message}\n${bodyHead(first)}` : null;
  const retries = failed ? Math.max(failures.length - 1, 0) + reruns.length : flakes.length;
  return {
    file,
    name,
    status: failed ? "failed" : "passed",
    retries,
    durationMs,
    message,
    failureType,
    category: first ? categorise(failureType, detail) : null,
  };
}

/** The message attribute, or the text up to the first stack frame (jest-junit writes no attribute). */
function failureMessage(node: Node): string {
  const head = attr(node, "message") !== undefined ? clean(attr(node, "message")!) : bodyHead(node);
  return head.length > 2000 ? `${head.slice(0, 2000)}…` : head;
}

/** The element's text up to its first stack frame. */
function bodyHead(node: Node): string {
  const text = typeof node["#text"] === "string" ? node["#text"] : "";
  return clean(text)
    .split(/\n\s+at |\n\s*❯ /)[0]!
    .trim()
    .slice(0, 2000);
}

// eslint-disable-next-line no-control-regex -- colour codes some runners leave in their reports
const clean = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, "").trim();

const SOURCE_FILE = /\.(?:[cm]?[jt]sx?|py|java|kt|rb|go|cs)$/;

/**
 * Turns the report's file/classname/name into the test's id parts: a repository-relative file and the
 * test's name within it, the same whichever tool wrote the report.
 */
function identify(
  fileAttr: string | undefined,
  classname: string,
  name: string,
  suiteName: string,
  root: string,
): { file: string; name: string } {
  if (fileAttr) {
    const file = normalise(fileAttr, root);
    // pytest: classname is the dotted module path, then the class (if any).
    if (file.endsWith(".py")) return { file, name: pythonName(classname, file, name) };
    return { file, name: classname && classname !== name && !looksLikePath(classname) ? `${classname} ${name}` : name };
  }
  // vitest, Playwright: the classname is the file.
  if (looksLikePath(classname)) return { file: normalise(classname, root), name };
  if (classname.includes(".") && !classname.includes(" ")) {
    const resolved = resolveDotted(classname, root);
    if (resolved)
      return { file: resolved.file, name: [...resolved.rest, name].join(resolved.file.endsWith(".py") ? "::" : ".") };
  }
  if (looksLikePath(suiteName))
    return { file: normalise(suiteName, root), name: classname && classname !== name ? `${classname} ${name}` : name };
  return {
    file: "",
    name: classname && classname !== name && !name.startsWith(classname) ? `${classname} ${name}` : name,
  };
}

function pythonName(classname: string, file: string, name: string): string {
  const module = file.replace(/\.py$/, "").split("/");
  const parts = classname.split(".");
  // The classname's module part is the file's path suffix; what follows is the class path.
  let k = 0;
  while (k < parts.length && module.slice(-(k + 1)).join(".") !== parts.slice(0, k + 1).join(".")) k++;
  const rest = k < parts.length ? parts.slice(k + 1) : parts.filter((p) => /^[A-Z]/.test(p));
  return [...rest, name].join("::");
}

/** pytest xunit2 and Surefire give only a dotted class name: find the file it names under the root. */
function resolveDotted(classname: string, root: string): { file: string; rest: string[] } | undefined {
  const parts = classname.split(".");
  for (let k = parts.length; k >= 1; k--) {
    const base = parts.slice(0, k).join("/");
    for (const candidate of [`${base}.py`, `src/test/java/${base}.java`, `src/test/kotlin/${base}.kt`]) {
      if (existsSync(join(root, candidate))) return { file: candidate, rest: parts.slice(k) };
    }
  }
  return undefined;
}

function looksLikePath(text: string): boolean {
  return SOURCE_FILE.test(text) && !text.includes(" ");
}

function normalise(path: string, root: string): string {
  const rel = isAbsolute(path) ? relative(root, path) : path;
  return rel.replace(/\\/g, "/").replace(/^\.\//, "");
}

function attr(node: Node, key: string): string | undefined {
  const value = node[key];
  return typeof value === "string" ? value : undefined;
}

function list(value: unknown): Node[] {
  return Array.isArray(value) ? (value as Node[]) : [];
}
