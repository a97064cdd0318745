import { createRequire } from "node:module";
import { extname } from "node:path";
import type { parseSync as ParseSync } from "oxc-parser";
import type { Node as TsNode, Parser as TsParser } from "web-tree-sitter";

/** Where one test sits in its file: its title path (describe blocks or classes, then the test). */
export interface TestLocation {
  titles: string[];
  /** 1-based, inclusive: the test's call or function, decorators included. */
  startLine: number;
  endLine: number;
  /** For `it.each` / parametrised titles: matches the names the runner gives each case. */
  pattern?: RegExp;
}

const JS = new Set([".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"]);

export function isLocatable(file: string): boolean {
  const ext = extname(file).toLowerCase();
  return JS.has(ext) || ext === ".py";
}

/** Every test in a JS/TS or Python test file, by parsing it (not by searching its text). */
export async function locateTests(file: string, source: string): Promise<TestLocation[]> {
  if (extname(file).toLowerCase() === ".py") return locatePython(source);
  // Loaded on first use, like the Python parser: a report of tests that are not in this checkout never needs it.
  const { parseSync } = await import("oxc-parser");
  return locateJavaScript(parseSync, file, source);
}

/**
 * Finds the test a report names: vitest joins titles with ` > `, Playwright with ` › `, jest-junit with
 * a space, pytest with `::` (parameters in brackets); failing those, a unique match on the last title.
 */
export function findTest(locations: readonly TestLocation[], name: string): TestLocation | undefined {
  const wanted = squash(name.replace(/\[[^\]]*\]$/, ""));
  for (const separator of [" > ", " › ", "::", " "]) {
    const hit = locations.find((l) => squash(l.titles.join(separator)) === wanted);
    if (hit) return hit;
  }
  const patterned = locations.filter((l) => l.pattern?.test(squash(name)));
  if (patterned.length === 1) return patterned[0];
  const leaf = squash(
    name
      .split(/ > | › |::/)
      .at(-1)!
      .replace(/\[[^\]]*\]$/, ""),
  );
  const leaves = locations.filter(
    (l) => squash(l.titles.at(-1)!) === leaf || wanted.endsWith(` ${squash(l.titles.at(-1)!)}`),
  );
  return leaves.length === 1 ? leaves[0] : undefined;
}

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

// --- JavaScript and TypeScript -------------------------------------------------------------

type EsNode = { type: string; start: number; end: number; [key: string]: unknown };

const TEST_NAMES = new Set(["it", "test", "specify", "bench"]);
const SUITE_NAMES = new Set(["describe", "suite", "context"]);

function locateJavaScript(parseSync: typeof ParseSync, file: string, source: string): TestLocation[] {
  const result = parseSync(file, source, { sourceType: "module", astType: "ts" });
  const lineOf = lineIndex(source);
  const found: TestLocation[] = [];
  const visit = (node: unknown, titles: string[]): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child, titles);
      return;
    }
    if (!node || typeof node !== "object") return;
    const n = node as EsNode;
    if (n.type === "CallExpression") {
      const kind = callKind(n.callee as EsNode);
      const title = kind ? titleOf((n.arguments as EsNode[])[0]) : undefined;
      if (kind && title) {
        const path = [...titles, title.text];
        if (kind === "test") {
          found.push({
            titles: path,
            startLine: lineOf(n.start),
            endLine: lineOf(n.end),
            ...(title.pattern ? { pattern: title.pattern(titles) } : {}),
          });
        }
        for (const arg of n.arguments as EsNode[]) visit(arg, kind === "suite" ? path : titles);
        return;
      }
    }
    for (const [key, value] of Object.entries(n)) {
      if (key !== "type" && key !== "start" && key !== "end" && value && typeof value === "object")
        visit(value, titles);
    }
  };
  visit(result.program, []);
  return found;
}

/** `it`, `test.only`, `it.concurrent.each(table)`, Playwright's `test.describe.serial`, ... */
function callKind(callee: EsNode | undefined): "test" | "suite" | undefined {
  const names: string[] = [];
  let node = callee;
  while (node) {
    if (node.type === "Identifier") {
      names.unshift(node.name as string);
      break;
    }
    if (node.type === "MemberExpression" && !node.computed) {
      names.unshift((node.property as EsNode).name as string);
      node = node.object as EsNode;
    } else if (node.type === "CallExpression")
      node = node.callee as EsNode; // describe.each(table)(...)
    else return undefined;
  }
  if (names.some((n) => SUITE_NAMES.has(n)) && (SUITE_NAMES.has(names[0]!) || names[0] === "test")) return "suite";
  return TEST_NAMES.has(names[0]!) ? "test" : undefined;
}

function titleOf(arg: EsNode | undefined): { text: string; pattern?: (parents: string[]) => RegExp } | undefined {
  if (!arg) return undefined;
  if (arg.type === "Literal" && typeof arg.value === "string") return withPattern(arg.value);
  if (arg.type === "StringLiteral") return withPattern(arg.value as string);
  if (arg.type === "TemplateLiteral") {
    const quasis = (arg.quasis as EsNode[]).map((q) => (q.value as { cooked: string }).cooked);
    if (quasis.length === 1) return withPattern(quasis[0]!);
    return { text: quasis.join("*"), pattern: patternFrom(quasis.map(escape).join(".*")) };
  }
  return undefined;
}

/** `%s`, `%d`, `$name` in an `.each` title stand for any text in the names the runner reports. */
function withPattern(title: string): { text: string; pattern?: (parents: string[]) => RegExp } {
  if (!/%[sdifjoO#%]|\$[A-Za-z_]/.test(title)) return { text: title };
  const source = title
    .split(/(%[sdifjoO#]|\$[A-Za-z_][\w.]*)/)
    .map((part, i) => (i % 2 === 1 ? ".*" : escape(part)))
    .join("");
  return { text: title, pattern: patternFrom(source) };
}

function patternFrom(leaf: string): (parents: string[]) => RegExp {
  return (parents) => new RegExp(`^(?:${parents.map(escape).join("(?: > | › | )")}(?: > | › | ))?${leaf}$`);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function lineIndex(source: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

// --- Python ---------------------------------------------------------------------------------

let pythonParser: Promise<TsParser> | undefined;

function parser(): Promise<TsParser> {
  pythonParser ??= (async () => {
    const { Parser, Language } = await import("web-tree-sitter");
    await Parser.init();
    const wasm = createRequire(import.meta.url).resolve("tree-sitter-python/tree-sitter-python.wasm");
    const instance = new Parser();
    instance.setLanguage(await Language.load(wasm));
    return instance;
  })();
  return pythonParser;
}

/** pytest's collection rules: `test*` functions at module level and in `Test*` classes (nested too). */
async function locatePython(source: string): Promise<TestLocation[]> {
  const tree = (await parser()).parse(source);
  if (!tree) return [];
  const found: TestLocation[] = [];
  const visit = (node: TsNode, classes: string[]): void => {
    for (const child of node.namedChildren) {
      if (!child) continue;
      const definition = child.type === "decorated_definition" ? child.childForFieldName("definition") : child;
      if (!definition) continue;
      const name = definition.childForFieldName("name")?.text ?? "";
      if (definition.type === "class_definition" && name.startsWith("Test")) {
        const body = definition.childForFieldName("body");
        if (body) visit(body, [...classes, name]);
      } else if (definition.type === "function_definition" && name.startsWith("test")) {
        found.push({
          titles: [...classes, name],
          startLine: child.startPosition.row + 1,
          endLine: child.endPosition.row + 1,
        });
      }
    }
  };
  visit(tree.rootNode, []);
  tree.delete();
  return found;
}
