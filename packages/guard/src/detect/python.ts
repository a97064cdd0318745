import { createRequire } from "node:module";
import type { Node as TsNode, Parser as TsParser } from "web-tree-sitter";
import { matchApi } from "../apis.ts";
import { isTimeoutName, isTimeoutPhase, looksLikeRedisClient } from "../names.ts";
import { hardcodedMessage, localDeleteMessage, missingTimeoutMessage, unboundedMessage } from "../rules.ts";
import { applyOperator } from "./arithmetic.ts";
import type { DetectorOptions, RawFinding } from "./types.ts";

let parser: Promise<TsParser> | undefined;

/** The Python parser, loaded on first use only: a commit without Python files never pays for it. */
export function pythonParser(): Promise<TsParser> {
  parser ??= (async () => {
    const { Parser, Language } = await import("web-tree-sitter");
    await Parser.init();
    const wasm = createRequire(import.meta.url).resolve("tree-sitter-python/tree-sitter-python.wasm");
    const instance = new Parser();
    instance.setLanguage(await Language.load(wasm));
    return instance;
  })();
  return parser;
}

export interface PythonSyntaxError {
  start: number;
  end: number;
  message: string;
}

/** The first syntax error of a parsed Python file, in document order, if any. */
export function firstSyntaxError(root: TsNode): PythonSyntaxError | undefined {
  if (!root.hasError) return undefined;
  // Descend along the first erroneous child (iteratively: a tree can be thousands of levels deep).
  let node = root;
  descend: while (!node.isError && !node.isMissing) {
    for (const child of node.children) {
      if (child && (child.hasError || child.isMissing)) {
        node = child;
        continue descend;
      }
    }
    break;
  }
  return {
    start: node.startIndex,
    end: Math.max(node.endIndex, node.startIndex + 1),
    message: node.isMissing ? `Syntax error: missing "${node.type}"` : "Syntax error: unexpected input",
  };
}

/** Node types the detectors look at; everything else is walked past without leaving WebAssembly. */
const INTERESTING = new Set([
  "import_statement",
  "import_from_statement",
  "assignment",
  "with_item",
  "parameters",
  "lambda_parameters",
  "keyword_argument",
  "pair",
  "default_parameter",
  "typed_default_parameter",
  "call",
  "comment",
]);

/**
 * The nodes of interest in document order, and the comments, from one cursor walk: a cursor
 * reads node types without creating a JavaScript object per node (most of the cost of a walk
 * over `namedChildren`), and iterates, so no nesting depth can overflow the stack.
 */
export function scanPython(root: TsNode): { nodes: TsNode[]; comments: TsNode[] } {
  const nodes: TsNode[] = [];
  const comments: TsNode[] = [];
  const cursor = root.walk();
  try {
    for (;;) {
      const type = cursor.nodeType;
      if (INTERESTING.has(type)) (type === "comment" ? comments : nodes).push(cursor.currentNode);
      if (type !== "string" && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return { nodes, comments };
    }
  } finally {
    cursor.delete();
  }
}

const REDIS_FACTORIES =
  /^(redis\.)?(asyncio\.)?(Redis|StrictRedis|RedisCluster|from_url)$|^redis\.(cluster\.)?RedisCluster$|^redis\.Redis\.from_url$/;
const HTTP_METHODS = new Set(["get", "post", "put", "patch", "delete", "head", "options", "request", "stream"]);
const HTTP_MODULES = new Set(["requests", "httpx"]);
const SESSION_CLASSES = new Set(["requests.Session", "requests.session", "httpx.Client", "httpx.AsyncClient"]);

/** How deep constant folding and classification follow an expression; deeper ones are generated code. */
const MAX_DEPTH = 64;

type Classified = { kind: "hardcoded" | "unbounded"; node: TsNode; literal: string };
type Constant = { node: TsNode; value: number; name: string };

/**
 * Finds hardcoded and unbounded timeouts in a Python syntax tree. Same rules and report
 * locations as the JavaScript detector: findings point at the literal.
 */
export function detectPython(nodes: readonly TsNode[], options: DetectorOptions): RawFinding[] {
  return new PyDetector(options).run(nodes);
}

class PyDetector {
  private readonly findings = new Map<string, RawFinding>();
  private readonly constants = new Map<string, Constant>();
  /** Local name -> dotted path it stands for (`rq` -> `requests`, `get` -> `requests.get`). */
  private readonly imports = new Map<string, string>();
  /** Variables (or `self.x` attributes) holding a requests/httpx session without its own timeout. */
  private readonly sessions = new Set<string>();
  /** Variables (or `self.x` attributes) holding a Redis client. */
  private readonly redisClients = new Set<string>();

  constructor(private readonly options: DetectorOptions) {}

  run(nodes: readonly TsNode[]): RawFinding[] {
    this.collect(nodes);
    for (const node of nodes) this.visit(node);
    return [...this.findings.values()].sort((a, b) => a.start - b.start);
  }

  private collect(nodes: readonly TsNode[]): void {
    const assignments = new Map<string, TsNode[]>();
    for (const node of nodes) {
      if (node.type === "import_statement") {
        for (const child of node.namedChildren) {
          if (child?.type === "dotted_name") this.imports.set(child.text, child.text);
          if (child?.type === "aliased_import") {
            const name = child.childForFieldName("name")?.text;
            const alias = child.childForFieldName("alias")?.text;
            if (name && alias) this.imports.set(alias, name);
          }
        }
      }
      if (node.type === "import_from_statement") {
        const module = node.childForFieldName("module_name")?.text;
        for (const child of node.childrenForFieldName("name")) {
          if (!child || !module) continue;
          if (child.type === "dotted_name") this.imports.set(child.text, `${module}.${child.text}`);
          if (child.type === "aliased_import") {
            const name = child.childForFieldName("name")?.text;
            const alias = child.childForFieldName("alias")?.text;
            if (name && alias) this.imports.set(alias, `${module}.${name}`);
          }
        }
      }
      if (node.type === "assignment") {
        const left = node.childForFieldName("left");
        const right = node.childForFieldName("right");
        if (left && (left.type === "identifier" || left.type === "attribute")) {
          assignments.set(left.text, [...(assignments.get(left.text) ?? []), node]);
          if (right && this.isUnboundedSession(right)) this.sessions.add(left.text);
          if (
            right?.type === "call" &&
            REDIS_FACTORIES.test(this.resolve(right.childForFieldName("function")?.text ?? ""))
          ) {
            this.redisClients.add(left.text);
          }
        }
      }
      if (node.type === "with_item") {
        const value = node.childForFieldName("value");
        if (value?.type === "as_pattern") {
          const target = value.childForFieldName("alias") ?? value.namedChildren.at(-1);
          const source = value.namedChildren[0];
          if (source && target && this.isUnboundedSession(source)) this.sessions.add(target.text.trim());
        }
      }
      if (node.type === "parameters" || node.type === "lambda_parameters") {
        for (const parameter of node.namedChildren) {
          const name = parameter?.type === "identifier" ? parameter.text : parameter?.childForFieldName("name")?.text;
          if (name) assignments.set(name, [...(assignments.get(name) ?? []), parameter!, parameter!]);
        }
      }
    }
    // A module-level name assigned exactly once is a constant; anything reassigned is not.
    for (const [name, nodes] of assignments) {
      const only = nodes.length === 1 ? nodes[0] : undefined;
      if (!only || only.parent?.parent?.type !== "module" || only.childForFieldName("left")?.type !== "identifier")
        continue;
      const right = only.childForFieldName("right");
      const value = right ? this.evaluate(right) : undefined;
      if (right && value !== undefined) this.constants.set(name, { node: right, value, name });
    }
  }

  private resolve(dotted: string): string {
    const [head, ...rest] = dotted.split(".");
    const target = head === undefined ? undefined : this.imports.get(head);
    return target ? [target, ...rest].join(".") : dotted;
  }

  private isUnboundedSession(node: TsNode): boolean {
    if (node.type !== "call") return false;
    const callee = node.childForFieldName("function");
    if (!callee || !SESSION_CLASSES.has(this.resolve(callee.text))) return false;
    const timeout = keywordArgument(node, "timeout");
    return timeout === undefined || timeout.type === "none";
  }

  private evaluate(raw: TsNode, depth = 0): number | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const node = unwrap(raw);
    switch (node.type) {
      case "integer":
      case "float": {
        const text = node.text.replace(/_/g, "").toLowerCase();
        if (/[jl]$/.test(text)) return undefined;
        const value = /^0[0-7]+$/.test(text) ? Number.parseInt(text, 8) : Number(text);
        return Number.isNaN(value) ? undefined : value;
      }
      case "identifier":
        return this.constants.get(node.text)?.value;
      case "unary_operator": {
        const value = this.evaluate(node.childForFieldName("argument")!, depth + 1);
        const operator = node.childForFieldName("operator")?.text;
        if (value === undefined) return undefined;
        return operator === "-" ? -value : operator === "+" ? value : undefined;
      }
      case "binary_operator": {
        const left = this.evaluate(node.childForFieldName("left")!, depth + 1);
        const right = left === undefined ? undefined : this.evaluate(node.childForFieldName("right")!, depth + 1);
        if (left === undefined || right === undefined) return undefined;
        return applyOperator(node.childForFieldName("operator")?.text ?? "", left, right);
      }
      default:
        return undefined;
    }
  }

  private classify(raw: TsNode, noneIsUnbounded: boolean, out: Classified[] = [], depth = 0): Classified[] {
    if (depth > MAX_DEPTH) return out;
    const node = unwrap(raw);
    switch (node.type) {
      case "none":
        if (noneIsUnbounded) out.push({ kind: "unbounded", node, literal: "None" });
        return out;
      case "tuple": {
        const values = node.namedChildren.map((child) => (child ? this.evaluate(child) : undefined));
        if (values.length > 0 && values.every((v) => v !== undefined))
          out.push({ kind: "hardcoded", node, literal: node.text });
        return out;
      }
      case "dictionary":
        for (const pair of node.namedChildren) {
          if (pair?.type !== "pair") continue;
          const key = pair.childForFieldName("key");
          const name = key?.type === "string" ? stringContent(key) : undefined;
          const value = pair.childForFieldName("value");
          if (value && name !== undefined && (isTimeoutPhase(name) || this.isTimeout(name))) {
            this.classify(value, noneIsUnbounded, out, depth + 1);
          }
        }
        return out;
      case "conditional_expression":
        for (const branch of [node.namedChildren[0], node.namedChildren[2]])
          if (branch) this.classify(branch, noneIsUnbounded, out, depth + 1);
        return out;
      case "boolean_operator":
        for (const side of [node.childForFieldName("left"), node.childForFieldName("right")]) {
          if (side) this.classify(side, noneIsUnbounded, out, depth + 1);
        }
        return out;
      case "identifier": {
        const constant = this.constants.get(node.text);
        if (constant)
          out.push({ kind: "hardcoded", node: constant.node, literal: `${constant.name} = ${constant.node.text}` });
        return out;
      }
    }
    if (this.evaluate(node) !== undefined) out.push({ kind: "hardcoded", node, literal: node.text });
    return out;
  }

  private report(value: TsNode, where: string, noneIsUnbounded: boolean): void {
    for (const item of this.classify(value, noneIsUnbounded)) {
      const key = `${item.node.startIndex}:${item.node.endIndex}`;
      if (this.findings.has(key)) continue;
      this.findings.set(key, {
        ruleId: item.kind === "hardcoded" ? "no-hardcoded-timeout" : "no-unbounded-timeout",
        start: item.node.startIndex,
        end: item.node.endIndex,
        message:
          item.kind === "hardcoded"
            ? hardcodedMessage(item.literal, where, "python")
            : unboundedMessage(item.literal, where, "python"),
      });
    }
  }

  private isTimeout(name: string | undefined): name is string {
    return name !== undefined && isTimeoutName(name, this.options.extraTimeoutNames);
  }

  private visit(node: TsNode): void {
    switch (node.type) {
      case "keyword_argument": {
        const name = node.childForFieldName("name")?.text;
        const value = node.childForFieldName("value");
        if (this.isTimeout(name) && value) this.report(value, `in ${name}=`, true);
        return;
      }
      case "pair": {
        const key = node.childForFieldName("key");
        const name = key?.type === "string" ? stringContent(key) : undefined;
        const value = node.childForFieldName("value");
        if (this.isTimeout(name) && value) this.report(value, `in "${name}"`, true);
        return;
      }
      case "default_parameter":
      case "typed_default_parameter": {
        const name = node.childForFieldName("name")?.text;
        const value = node.childForFieldName("value");
        if (this.isTimeout(name) && value) this.report(value, `as the default of ${name}`, false);
        return;
      }
      case "assignment": {
        const left = node.childForFieldName("left");
        const right = node.childForFieldName("right");
        const name = left?.type === "attribute" ? left.childForFieldName("attribute")?.text : undefined;
        if (this.isTimeout(name) && right) this.report(right, `assigned to ${left!.text}`, false);
        return;
      }
      case "call":
        this.visitCall(node);
        return;
    }
  }

  private visitCall(node: TsNode): void {
    const callee = node.childForFieldName("function");
    if (!callee || (callee.type !== "identifier" && callee.type !== "attribute")) return;
    this.checkCacheDelete(node, callee);
    const written = callee.text.replace(/\s+/g, "");
    const path = this.resolve(written);
    const api = matchApi(this.options.apis, "python", path) ?? matchApi(this.options.apis, "python", written);
    const args = node.childForFieldName("arguments");
    if (api && args) {
      const positional = args.namedChildren.filter(
        (a): a is TsNode =>
          a !== null && a.type !== "keyword_argument" && a.type !== "comment" && !a.type.endsWith("splat"),
      );
      const zero = api.zeroIsUnbounded ?? true;
      if (api.argument === "all") {
        for (const arg of positional) this.report(arg, `as a timeout of ${written}()`, zero);
        // Keyword durations (connect=, read=, total=) are all timeouts of these constructors.
        for (const arg of args.namedChildren) {
          const value = arg?.type === "keyword_argument" ? arg.childForFieldName("value") : undefined;
          if (value) this.report(value, `as a timeout of ${written}()`, zero);
        }
      } else if (typeof api.argument === "number") {
        const target = positional[api.argument];
        if (target) this.report(target, `as the timeout of ${written}()`, zero);
        const keyword = api.keyword ? keywordArgument(node, api.keyword) : undefined;
        if (keyword && api.keyword && !this.isTimeout(api.keyword))
          this.report(keyword, `as the timeout of ${written}()`, zero);
      }
    }
    if (args && (this.callNeedsTimeout(path, written) || this.isCallOnFreshSession(callee))) {
      const hasTimeout = keywordArgument(node, "timeout") !== undefined;
      const hasSplat = args.namedChildren.some((a) => a?.type === "dictionary_splat");
      if (!hasTimeout && !hasSplat) {
        const key = `${node.startIndex}:${node.endIndex}`;
        this.findings.set(key, {
          ruleId: "no-unbounded-timeout",
          start: node.startIndex,
          end: node.endIndex,
          message: missingTimeoutMessage(written),
        });
      }
    }
  }

  // `redis.delete(k)`, `r.unlink(k)` with `r = redis.Redis(...)`, `self.redis.pipeline().delete(k)`.
  private checkCacheDelete(node: TsNode, callee: TsNode): void {
    if (callee.type !== "attribute") return;
    const method = callee.childForFieldName("attribute")?.text;
    if (method !== "delete" && method !== "unlink") return;
    let object = callee.childForFieldName("object");
    while (object?.type === "call") object = object.childForFieldName("function")?.childForFieldName("object") ?? null;
    if (!object) return;
    const text = object.text.replace(/\s+/g, "");
    const last = text.slice(text.lastIndexOf(".") + 1);
    if (!looksLikeRedisClient(last) && !this.redisClients.has(text)) return;
    this.findings.set(`${node.startIndex}:${node.endIndex}`, {
      ruleId: "no-local-cache-delete",
      start: node.startIndex,
      end: node.endIndex,
      message: localDeleteMessage(callee.text.replace(/\s+/g, "")),
    });
  }

  // `requests.Session().get(url)`: a session made on the spot has no timeout of its own either.
  private isCallOnFreshSession(callee: TsNode): boolean {
    if (callee.type !== "attribute" || !HTTP_METHODS.has(callee.childForFieldName("attribute")?.text ?? ""))
      return false;
    const object = callee.childForFieldName("object");
    return object !== null && this.isUnboundedSession(object);
  }

  private callNeedsTimeout(path: string, written: string): boolean {
    const dot = path.lastIndexOf(".");
    if (dot < 0) return false;
    const method = path.slice(dot + 1);
    if (!HTTP_METHODS.has(method)) return false;
    const object = path.slice(0, dot);
    if (HTTP_MODULES.has(object)) return true;
    const writtenObject = written.slice(0, written.lastIndexOf("."));
    return this.sessions.has(writtenObject);
  }
}

function unwrap(node: TsNode): TsNode {
  let current = node;
  while (current.type === "parenthesized_expression" && current.namedChildren.length === 1)
    current = current.namedChildren[0]!;
  return current;
}

function stringContent(node: TsNode): string | undefined {
  if (node.namedChildren.some((c) => c?.type === "interpolation")) return undefined;
  return node.namedChildren.find((c) => c?.type === "string_content")?.text ?? "";
}

function keywordArgument(call: TsNode, name: string): TsNode | undefined {
  const args = call.childForFieldName("arguments");
  for (const arg of args?.namedChildren ?? []) {
    if (arg?.type === "keyword_argument" && arg.childForFieldName("name")?.text === name) {
      return arg.childForFieldName("value") ?? undefined;
    }
  }
  return undefined;
}
