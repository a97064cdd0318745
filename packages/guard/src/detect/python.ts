import type { Node as TsNode } from "web-tree-sitter";
import { matchApi } from "../apis.ts";
import { isTimeoutName, isTimeoutPhase, looksLikeRedisClient } from "../names.ts";
import {
  hardcodedMessage,
  implicitDefaultMessage,
  localDeleteMessage,
  missingTimeoutMessage,
  unboundedMessage,
} from "../rules.ts";
import { applyOperator } from "./arithmetic.ts";
import { isCodeList } from "./code-list.ts";
import {
  expectedToFail,
  inAssertion,
  inEnumClass,
  insideRaises,
  isCacheLifetime,
  isStub,
  negativeDisables,
  onMockClock,
  underNoneCheck,
} from "./python-context.ts";
import { TestDoubles } from "./python-doubles.ts";
import { capturePython } from "./python-parser.ts";
import {
  addends,
  codeStatement,
  keywordArgument,
  previousStatement,
  referenceName,
  stringContent,
  unwrap,
} from "./python-syntax.ts";
import type { DetectorOptions, RawFinding } from "./types.ts";

/** Node types the detectors look at. */
const INTERESTING = [
  "function_definition",
  "lambda",
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
];
/**
 * The nodes of interest in document order, and the comments (which matter only to files that
 * hold a suppression), from one tree-sitter query: see `capturePython`.
 */
export function scanPython(
  root: TsNode,
  withComments: boolean,
  withFallbacks = true,
): { nodes: TsNode[]; comments: TsNode[] } {
  const types = [...INTERESTING, ...(withComments ? ["comment"] : []), ...(withFallbacks ? ["boolean_operator"] : [])];
  const nodes: TsNode[] = [];
  const comments: TsNode[] = [];
  for (const node of capturePython(root, types)) (node.type === "comment" ? comments : nodes).push(node);
  // Functions come first in document order; their ranges give each node its scope without `.parent` walks.
  return { nodes, comments };
}

const REDIS_FACTORIES =
  /^(redis\.)?(asyncio\.)?(Redis|StrictRedis|RedisCluster|from_url)$|^redis\.(cluster\.)?RedisCluster$|^redis\.Redis\.from_url$/;
const REDIS_BLOCKING = /^b(lpop|rpop|rpoplpush|lmove|lmpop|zpopmin|zpopmax|zmpop)$/;
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
export function detectPython(nodes: readonly TsNode[], options: DetectorOptions, source = ""): RawFinding[] {
  return new PyDetector(options, source).run(nodes);
}

/** Whether `source` may hold `x.timeout or 20` (the fallback rule's boolean operators are captured only then). */
export function mayHoldFallback(source: string): boolean {
  return /timeout\w*\)?\s+or\b/i.test(source);
}

class PyDetector {
  private readonly findings = new Map<string, RawFinding>();
  private readonly constants = new Map<string, Constant>();
  /** Local name -> dotted path it stands for (`rq` -> `requests`, `get` -> `requests.get`). */
  private readonly imports = new Map<string, string>();
  /** Variables (or `self.x` attributes) holding a requests/httpx session without its own timeout, and its library. */
  private readonly sessions = new Map<string, "requests" | "httpx">();
  private readonly codeTables = new Map<number, boolean>();
  /** [start, end) of every function and lambda, in document order: the scopes. */
  private readonly functions: [number, number][] = [];
  /** `scope:name` for every name assigned or bound as a parameter. */
  private scopedNames = new Set<string>();
  /** Variables (or `self.x` attributes) holding a Redis client. */
  private readonly redisClients = new Set<string>();
  /** Assignments that are entries of a code list written as statements (`ER_LOCK_WAIT_TIMEOUT = 1205`). */
  private readonly codeStatements = new Set<number>();
  /** `scope:name` of locals that hold a clock reading (`now = time.monotonic()`): `now + 5` is a deadline. */
  private readonly clockNames = new Set<string>();
  /** `scope:name` of locals passed to a sleep (`time.sleep(timeout)`): delays, however they are named. */
  private readonly delayNames = new Set<string>();

  /** Mocks, fakes, patched tests and in-process transports: where a timeout bounds nothing. */
  private readonly doubles = new TestDoubles((node) => this.scopeOf(node));

  /** File-level precheck: most files hold no code list, so their assignments are never asked. */
  private readonly mayHoldCodeList: boolean;

  constructor(
    private readonly options: DetectorOptions,
    source: string,
  ) {
    this.mayHoldCodeList = (source.match(/^[ \t]*[\w.]+[ \t]*=[ \t]*-?\d+[ \t]*(#.*)?$/gm)?.length ?? 0) >= 4;
  }

  run(nodes: readonly TsNode[]): RawFinding[] {
    for (const node of nodes) {
      if (node.type === "function_definition" || node.type === "lambda")
        this.functions.push([node.startIndex, node.endIndex]);
    }
    this.collect(nodes);
    for (const node of nodes) this.visit(node);
    return [...this.findings.values()].sort((a, b) => a.start - b.start);
  }

  private collect(nodes: readonly TsNode[]): void {
    const assignments = new Map<string, TsNode[]>();
    let run: { statement: TsNode; id: number; name: string; value: number }[] = [];
    const flush = () => {
      if (
        isCodeList(
          run.map((e) => [e.name, e.value]),
          this.options.extraTimeoutNames,
          true,
        )
      )
        for (const entry of run) this.codeStatements.add(entry.id);
      run = [];
    };
    for (const node of nodes) {
      const type = node.type;
      if (type === "assignment" && this.mayHoldCodeList) {
        // `ER_LOCK_WAIT_TIMEOUT = 1205` among its siblings: a code list written as statements,
        // numbered in order (a settings block, `TIMEOUT = 30; RETRIES = 3`, is not).
        const entry = codeStatement(node);
        const last = run.at(-1);
        if (!entry || !last || entry.value < last.value || previousStatement(entry.statement)?.id !== last.statement.id)
          flush();
        if (entry) run.push(entry);
      }
      // `time.sleep(timeout)` then `timeout *= 2`: a backoff delay named like a timeout.
      if (type === "call" && /(^|\.)sleep$/.test(node.childForFieldName("function")?.text ?? "")) {
        const first = node.childForFieldName("arguments")?.namedChildren[0];
        if (first?.type === "identifier") this.delayNames.add(`${this.scopeOf(node)}:${first.text}`);
      }
      if (type === "import_statement") {
        for (const child of node.namedChildren) {
          if (child?.type === "dotted_name") this.imports.set(child.text, child.text);
          if (child?.type === "aliased_import") {
            const name = child.childForFieldName("name")?.text;
            const alias = child.childForFieldName("alias")?.text;
            if (name && alias) this.imports.set(alias, name);
          }
        }
      }
      if (type === "import_from_statement") {
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
      if (type === "assignment") {
        const left = node.childForFieldName("left");
        const right = node.childForFieldName("right");
        if (left && (left.type === "identifier" || left.type === "attribute")) {
          const key = left.type === "identifier" ? `${this.scopeOf(node)}:${left.text}` : left.text;
          push(assignments, key, node);
          if (right) this.doubles.note(left, right);
          if (right && this.isUnboundedSession(right)) this.sessions.set(left.text, this.sessionLibrary(right));
          if (right?.type === "call" && this.makesRedisClient(right)) this.redisClients.add(left.text);
          if (left.type === "identifier" && right?.type === "call" && this.isClock(right)) this.clockNames.add(key);
        }
      }
      if (type === "with_item") {
        const value = node.childForFieldName("value");
        if (value?.type === "as_pattern") {
          const target = value.childForFieldName("alias") ?? value.namedChildren.at(-1);
          const source = value.namedChildren[0];
          if (source && target) this.doubles.note(target, source);
          if (source && target && this.isUnboundedSession(source)) {
            this.sessions.set(target.text.trim(), this.sessionLibrary(source));
          }
          if (source?.type === "call" && target && this.makesRedisClient(source))
            this.redisClients.add(target.text.trim());
        }
      }
      if (type === "parameters") this.doubles.noteParameters(node);
      if (type === "function_definition") this.doubles.noteFunction(node);
      if (type === "parameters" || type === "lambda_parameters") {
        for (const parameter of node.namedChildren) {
          const name = parameter?.type === "identifier" ? parameter.text : parameter?.childForFieldName("name")?.text;
          const key = `${node.parent ? node.parent.startIndex : 0}:${name}`;
          if (name) push(assignments, key, parameter!, parameter!);
        }
      }
    }
    flush();
    this.doubles.settle();
    this.scopedNames = new Set(assignments.keys());
    // A name assigned exactly once in its scope (function or module), and not a parameter there,
    // is a constant of that scope: `t = 5` then `requests.get(u, timeout=t)`. In source order.
    for (const [key, nodes] of assignments) {
      const only = nodes.length === 1 ? nodes[0] : undefined;
      if (!only || only.type !== "assignment" || only.childForFieldName("left")?.type !== "identifier") continue;
      if (only.parent?.type !== "expression_statement") continue;
      const right = only.childForFieldName("right");
      const value = right ? this.evaluate(right) : undefined;
      if (right && value !== undefined)
        this.constants.set(key, { node: right, value, name: key.slice(key.indexOf(":") + 1) });
    }
  }

  private resolve(dotted: string): string {
    const [head, ...rest] = dotted.split(".");
    const target = head === undefined ? undefined : this.imports.get(head);
    return target ? [target, ...rest].join(".") : dotted;
  }

  /** `redis.Redis(...)`, `Redis.from_url(...)`, and `r.pipeline()` on a tracked client. */
  private makesRedisClient(call: TsNode): boolean {
    const callee = call.childForFieldName("function");
    if (!callee) return false;
    if (REDIS_FACTORIES.test(this.resolve(callee.text))) return true;
    const object = callee.type === "attribute" ? callee.childForFieldName("object")?.text : undefined;
    const method = callee.type === "attribute" ? callee.childForFieldName("attribute")?.text : undefined;
    return object !== undefined && (method === "pipeline" || method === "client") && this.redisClients.has(object);
  }

  private sessionLibrary(call: TsNode): "requests" | "httpx" {
    return this.resolve(call.childForFieldName("function")?.text ?? "").startsWith("httpx") ? "httpx" : "requests";
  }

  private isUnboundedSession(node: TsNode): boolean {
    if (node.type !== "call") return false;
    const callee = node.childForFieldName("function");
    if (!callee || !SESSION_CLASSES.has(this.resolve(callee.text))) return false;
    // `httpx.AsyncClient(transport=httpx.ASGITransport(app=app))`: httpx applies no timeout in-process.
    if (this.doubles.isInProcessClient(node)) return false;
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
        return this.constant(node)?.value;
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

  /** The function (or lambda) a node is in, by its start offset; 0 for module level. */
  private scopeOf(node: TsNode): number {
    const at = node.startIndex;
    // The innermost function containing `at` is the last one starting before it that still contains
    // it: binary search for the last start before `at`, then step out of the functions that ended.
    let low = 0;
    let high = this.functions.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.functions[mid]![0] < at) low = mid + 1;
      else high = mid;
    }
    for (let i = low - 1; i >= 0; i--) {
      const [start, end] = this.functions[i]!;
      if (at < end) return start;
    }
    return 0;
  }

  /** The constant an identifier names in its scope (its function, else the module), if any. */
  private constant(node: TsNode): Constant | undefined {
    const local = `${this.scopeOf(node)}:${node.text}`;
    // A name bound in the function (assigned or a parameter) hides the module's.
    if (this.scopedNames.has(local)) return this.constants.get(local);
    return this.constants.get(`0:${node.text}`);
  }

  /**
   * The hardcoded or unbounded values a timeout expression holds. `None` counts only where the
   * caller knows it means "no limit" (`noneIsUnbounded`); `0` means "poll, don't block" in Python
   * unless an API says otherwise (`zero`).
   */
  private classify(
    raw: TsNode,
    noneIsUnbounded: boolean,
    zero: ZeroMeans,
    out: Classified[] = [],
    depth = 0,
  ): Classified[] {
    if (depth > MAX_DEPTH) return out;
    const node = unwrap(raw);
    switch (node.type) {
      case "none":
        if (noneIsUnbounded) out.push({ kind: "unbounded", node, literal: "None" });
        return out;
      case "tuple": {
        const values = node.namedChildren.map((child) => (child ? this.evaluate(child) : undefined));
        if (values.length > 0 && values.every((v) => v !== undefined && v > 0))
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
            this.classify(value, noneIsUnbounded, zero, out, depth + 1);
          }
        }
        return out;
      case "conditional_expression":
        // `x if cond else None`, `timeout.total or None`: None there means "unset", not "forever".
        for (const branch of [node.namedChildren[0], node.namedChildren[2]])
          if (branch) this.classify(branch, false, zero, out, depth + 1);
        return out;
      case "boolean_operator":
        for (const side of [node.childForFieldName("left"), node.childForFieldName("right")]) {
          if (side) this.classify(side, false, zero, out, depth + 1);
        }
        return out;
      case "identifier": {
        const constant = this.constant(node);
        if (constant && constant.value > 0 && !isCode(constant.node))
          out.push({ kind: "hardcoded", node: constant.node, literal: `${constant.name} = ${constant.node.text}` });
        return out;
      }
      case "attribute":
        // `math.inf`
        if (/^(math|numpy|np)\.inf$/.test(node.text.replace(/\s+/g, "")))
          out.push({ kind: "unbounded", node, literal: node.text });
        return out;
      case "binary_operator": {
        // `timeout + 5`: a pad added to the caller's timeout is a hardcoded part of the wait.
        for (const [reference, pad] of addends(node)) {
          const name = referenceName(reference);
          if (!this.isTimeout(name) || this.evaluate(reference) !== undefined) continue;
          const value = this.evaluate(pad);
          if (value !== undefined && value > 0) {
            out.push({ kind: "hardcoded", node: pad, literal: `${pad.text} (added to ${reference.text})` });
            return out;
          }
        }
        break;
      }
      case "call": {
        const wrapped = this.wrappedLiteral(node);
        if (wrapped) out.push({ ...wrapped, node });
        else {
          // `float(os.environ.get("ORG_TIMEOUT_S", 5))`: the fallback inside a conversion and an env lookup.
          const callee = node.childForFieldName("function")?.text.replace(/\s+/g, "") ?? "";
          const args = (node.childForFieldName("arguments")?.namedChildren ?? []).filter(
            (a): a is TsNode => a !== null && a.type !== "comment" && a.type !== "keyword_argument",
          );
          if (/^(float|int)$/.test(callee) && args.length === 1) this.classify(args[0]!, false, zero, out, depth + 1);
          else if (/(^|\.)(environ\.get|getenv)$/.test(callee) && args[1])
            this.classify(args[1], false, zero, out, depth + 1);
        }
        return out;
      }
    }
    const value = this.evaluate(node);
    if (value === undefined || value < 0) return out; // negative: a sentinel, not a duration
    if (isCode(node)) return out;
    if (value === 0) {
      if (zero !== "poll") out.push({ kind: zero, node, literal: node.text });
    } else out.push({ kind: value >= NO_LIMIT ? "unbounded" : "hardcoded", node, literal: node.text });
    return out;
  }

  /** `timedelta(seconds=0.01)`, `Option(120.0)`, `float("inf")`: a literal in a wrapper. */
  private wrappedLiteral(call: TsNode): Omit<Classified, "node"> | undefined {
    const callee = call.childForFieldName("function");
    const args = call.childForFieldName("arguments");
    if (!callee || !args) return undefined;
    const name = callee.text.replace(/\s+/g, "");
    const last = name.slice(name.lastIndexOf(".") + 1);
    const values = args.namedChildren.filter((a): a is TsNode => a !== null && a.type !== "comment");
    if (last === "float" && values.length === 1 && /^["'][+]?inf(inity)?["']$/i.test(values[0]!.text)) {
      return { kind: "unbounded", literal: call.text };
    }
    if (values.length === 0) return undefined;
    // `Option(4.0, type="float")`: a setting's default, its options beside it.
    const positional = values.filter((a) => a.type !== "keyword_argument");
    if (positional.length === 1 && values.length > 1 && /^[A-Z]\w*$/.test(last) && last !== "Timeout") {
      const value = this.evaluate(positional[0]!);
      const options = values.filter((a) => a.type === "keyword_argument").map((a) => a.childForFieldName("value"));
      if (value !== undefined && value > 0 && options.every((o) => o?.type !== "integer" && o?.type !== "float"))
        return { kind: "hardcoded", literal: `${name}(${positional[0]!.text}, ...)` };
    }
    const numbers = values.map((a) => this.evaluate(a.type === "keyword_argument" ? a.childForFieldName("value")! : a));
    if (!numbers.every((n) => n !== undefined && n >= 0) || !numbers.some((n) => n! > 0)) return undefined;
    if (last === "timedelta") return { kind: "hardcoded", literal: call.text };
    // A one-argument wrapper of a number: `Option(120.0)`, `float(5)`, `Decimal(3)`.
    if (values.length === 1 && values[0]!.type !== "keyword_argument" && /^([A-Z]\w*|int|float)$/.test(last)) {
      return { kind: "hardcoded", literal: call.text };
    }
    return undefined;
  }

  private report(
    value: TsNode,
    where: string,
    noneIsUnbounded: boolean,
    zero: ZeroMeans = "poll",
    isTest = false,
    negativeIsUnbounded = false,
  ): void {
    if (inAssertion(value) || expectedToFail(value) || onMockClock(value)) return;
    // `if delay is None: return async_timeout.timeout(None)`, `assert timeout.time_left() is None` then
    // `select(..., None)`: the None is the caller's (its configuration), passed on.
    if (noneIsUnbounded && unwrap(value).type === "none" && underNoneCheck(value)) noneIsUnbounded = false;
    const items: Classified[] = negativeIsUnbounded
      ? [{ kind: "unbounded", node: value, literal: value.text }]
      : this.classify(value, noneIsUnbounded, zero);
    for (const item of items) {
      const key = `${item.node.startIndex}:${item.node.endIndex}`;
      if (this.findings.has(key)) continue;
      this.findings.set(key, {
        ruleId: item.kind === "hardcoded" ? "no-hardcoded-timeout" : "no-unbounded-timeout",
        start: item.node.startIndex,
        end: item.node.endIndex,
        message:
          item.kind === "hardcoded"
            ? hardcodedMessage(item.literal, where, "python", isTest)
            : unboundedMessage(item.literal, where, "python", isTest),
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
        if (!this.isTimeout(name) || !value) return;
        const call = node.parent?.parent;
        const callee = call?.type === "call" ? call.childForFieldName("function") : null;
        const written = callee ? callee.text.replace(/\s+/g, "") : "";
        // `client_pause(timeout=1)`: how long to pause, not a deadline.
        if (/(pause|sleep|delay)\w*$/i.test(written)) return;
        const path = this.resolve(written);
        const known =
          this.callNeedsTimeout(path, written) !== undefined ||
          SESSION_CLASSES.has(path) ||
          /(^|\.)Timeout$/.test(path);
        const isTest = /(^|\.)gen_test$/.test(path);
        if (call?.type === "call" && this.bindsNothing(call, value, name, path, written, known)) return;
        if (call?.type === "call" && isCacheLifetime(call)) return;
        // `acquire(blocking=True, timeout=None)`: blocking asked for, with no bound: it waits forever.
        const blocking = call ? keywordArgument(call, "blocking")?.text === "True" : false;
        if (blocking && unwrap(value).type === "none") {
          this.report(value, `in ${name}= of a blocking call`, true);
          return;
        }
        this.report(value, `in ${name}=`, known, "poll", isTest);
        return;
      }
      case "pair": {
        const key = node.childForFieldName("key");
        const name = key?.type === "string" ? stringContent(key) : undefined;
        const value = node.childForFieldName("value");
        if (!this.isTimeout(name) || !value || (node.parent && this.isCodeTable(node.parent))) return;
        if (isCacheLifetime(node)) return;
        this.report(value, `in "${name}"`, false);
        return;
      }
      case "default_parameter":
      case "typed_default_parameter": {
        const name = node.childForFieldName("name")?.text;
        const value = node.childForFieldName("value");
        if (!this.isTimeout(name) || !value) return;
        // Redis's blocking commands (BLPOP, BRPOP, BZPOPMIN, BLMOVE, ...) block forever on a timeout of 0.
        const fn = node.parent?.parent;
        // `def flush(self, timeout=1.0): "no-op to comply with stream API"`: a stub waits for nothing.
        if (fn?.type === "function_definition" && isStub(fn)) return;
        // `def record_flush(self, timeout_seconds=10): flushed.append(...)`: a parameter the body never reads bounds nothing.
        if (fn?.type === "function_definition" && neverRead(fn, name)) return;
        // `timeout: float = -1` documented as "set it to a negative value to disable the timeout": no limit.
        if (fn?.type === "function_definition" && (this.evaluate(value) ?? 0) < 0 && negativeDisables(fn)) {
          this.report(value, `as the default of ${name}`, false, "poll", false, true);
          return;
        }
        const blocking =
          fn?.type === "function_definition" && REDIS_BLOCKING.test(fn.childForFieldName("name")?.text ?? "");
        this.report(value, `as the default of ${name}`, false, blocking ? "unbounded" : "poll");
        return;
      }
      case "assignment": {
        const left = node.childForFieldName("left");
        const right = node.childForFieldName("right");
        if (!left || !right || this.codeStatements.has(node.id)) return;
        // `self.timeout = 15`, and `timeout = 3` / `WAIT_EVENT_TIMEOUT = 5` wherever they are passed on.
        const name = referenceName(left);
        // Only a deadline's or a timeout's name is looked at further (most assignments stop here).
        const deadline = name !== undefined && /deadline/i.test(name);
        if (!deadline && !this.isTimeout(name)) return;
        if (left.type === "identifier" && this.delayNames.has(`${this.scopeOf(node)}:${left.text}`)) return;
        // `class ErrorCodes(enum.IntEnum): WAIT_TIMEOUT = 0x102`: an enum's members are codes, not durations.
        if (inEnumClass(node)) return;
        // `deadline = time.monotonic() + 5`: a literal added to the clock is a deadline's duration.
        if (deadline) {
          const added = this.clockOffset(right);
          if (added) {
            this.report(added, `added to the clock for ${left.text}`, false);
            return;
          }
        }
        if (!this.isTimeout(name)) return;
        // `if timeout is None: timeout = float("inf")` (or pexpect's 1e6, a driver's 0xFFFFFFFF): the
        // caller's None re-spelled as "no limit" for what comes next; the caller chose it, not this line.
        if (underNoneCheck(node, left.text) && this.classify(right, false, "poll").every(isNoLimit)) return;
        this.report(right, `assigned to ${left.text}`, false);
        return;
      }
      case "call":
        this.visitCall(node);
        return;
      case "boolean_operator": {
        // `self.timeout or 20`: the fallback of a timeout is a default timeout wherever it goes.
        // Durations only: a 0 or None fallback means "poll" or "unset" here, judged at the sites above.
        if (node.childForFieldName("operator")?.text !== "or") return;
        const left = unwrap(node.childForFieldName("left")!);
        const name = referenceName(left);
        const right = node.childForFieldName("right");
        if (!this.isTimeout(name) || !right) return;
        const value = this.evaluate(right);
        if (value !== undefined && value > 0) this.report(right, `as the fallback of ${left.text}`, false);
        return;
      }
    }
  }

  /**
   * A timeout keyword that reaches no real wait: the call is made on a test double or handed one
   * (`fake.get(u, timeout=3)`, `flags(..., timeout=3, client=FakeAsyncClient())`); an HTTP call in a test that
   * patched the HTTP layer; or, for code under test (not a blocking API), the test asserts the literal
   * afterwards (`self.assertEqual(consumer.timeout, 9)`, `proxy.assert_called_once_with(timeout_seconds=1.5)`):
   * a configuration check. A patch elsewhere does not count: `client.flush(timeout_seconds=1)` still waits for
   * real threads when only `batch_post` is patched.
   */
  private bindsNothing(
    call: TsNode,
    value: TsNode,
    name: string,
    path: string,
    written: string,
    known: boolean,
  ): boolean {
    // unittest.mock's `call(..., timeout=5)`: an expected call, compared later.
    if (this.doubles.calledOnDouble(call) || /(^|\.)mock\.call$/.test(path)) return true;
    const blocking =
      known ||
      matchApi(this.options.apis, "python", path) !== undefined ||
      matchApi(this.options.apis, "python", written) !== undefined;
    // A blocking API on a real receiver waits whatever it is handed (`requests.get(u, auth=mock_auth, timeout=5)`);
    // code under test handed a double (`flags(..., timeout=3, client=fake)`) reaches the double.
    if (!blocking && this.doubles.involvesDouble(call)) return true;
    // `@patch("app.requests.post")`: an HTTP call in a test that patched the HTTP layer reaches the double.
    if (this.callNeedsTimeout(path, written) !== undefined && this.doubles.patched(call).http) return true;
    return !blocking && this.doubles.assertedLater(value, name);
  }

  /** `time.monotonic() + 5`, `_core.current_time() + 1.0`, `loop.time() + timedelta(...)`: the constant added to a clock. */
  private clockOffset(raw: TsNode): TsNode | undefined {
    const node = unwrap(raw);
    for (const [clock, other] of addends(node)) {
      const reading =
        clock.type === "call"
          ? this.isClock(clock)
          : clock.type === "identifier" && this.clockNames.has(`${this.scopeOf(clock)}:${clock.text}`);
      if (!reading) continue;
      const value = this.evaluate(other);
      if ((value !== undefined && value > 0) || (other.type === "call" && this.wrappedLiteral(other))) return other;
    }
    return undefined;
  }

  private isClock(call: TsNode): boolean {
    return CLOCKS.test(call.childForFieldName("function")?.text ?? "");
  }

  /** A dict that is a code list (`{"noCursorTimeout": 16, ...}`) or a set of names (`{"connect_timeout": 1, ...}`). */
  private isCodeTable(dict: TsNode): boolean {
    const cached = this.codeTables.get(dict.id);
    if (cached !== undefined) return cached;
    const pairs = dict.namedChildren.filter((c) => c?.type === "pair");
    const entries = pairs.map((pair): [string | undefined, number | undefined] => {
      const key = pair!.childForFieldName("key");
      const value = pair!.childForFieldName("value");
      const number = value && /^-?\s*\d+$/.test(value.text) ? Number(value.text.replace(/\s+/g, "")) : undefined;
      return [key?.type === "string" ? stringContent(key) : undefined, number];
    });
    const result =
      pairs.length === dict.namedChildren.filter((c) => c?.type !== "comment").length &&
      isCodeList(entries, this.options.extraTimeoutNames);
    this.codeTables.set(dict.id, result);
    return result;
  }

  private visitCall(node: TsNode): void {
    const callee = node.childForFieldName("function");
    if (!callee || (callee.type !== "identifier" && callee.type !== "attribute")) return;
    this.checkCacheDelete(node, callee);
    const written = callee.text.replace(/\s+/g, "");
    const path = this.resolve(written);
    const api = matchApi(this.options.apis, "python", path) ?? matchApi(this.options.apis, "python", written);
    const args = node.childForFieldName("arguments");
    if (!args) return;
    const method = written.slice(written.lastIndexOf(".") + 1);
    const blockFlag = (method === "get" || method === "acquire") && written.includes(".");
    // Most calls match no API and are no `q.get(True, 5)`: their arguments are never read from the
    // tree (each read crosses into WebAssembly), nor is their receiver looked up among the doubles.
    const positional =
      api || blockFlag
        ? args.namedChildren.filter(
            (a): a is TsNode =>
              a !== null && a.type !== "keyword_argument" && a.type !== "comment" && !a.type.endsWith("splat"),
          )
        : [];
    // `fake_event.wait(5)`, `mock_queue.get(True, 5)`: a double's method records the call, nothing waits.
    const onDouble = api || blockFlag ? this.doubles.calledOnDouble(node) : false;
    if (api && !onDouble) {
      // Python's 0 usually means "poll" (`settimeout(0.0)`, `get_message(timeout=0)`); an API says when it means forever.
      const zero: ZeroMeans =
        api.zeroIsUnbounded === true ? "unbounded" : api.zeroIsUnbounded === false ? "hardcoded" : "poll";
      const isTest = api.callee === "pytest.mark.timeout";
      // A Timeout object built inside `pytest.raises` is a validation test; nothing waits.
      if (api.argument === "all" && insideRaises(node)) return;
      if (api.argument === "all") {
        for (const arg of positional) this.report(arg, `as a timeout of ${written}()`, true, zero);
        // Keyword durations (connect=, read=, total=) are all timeouts of these constructors.
        for (const arg of args.namedChildren) {
          const value = arg?.type === "keyword_argument" ? arg.childForFieldName("value") : undefined;
          if (value) this.report(value, `as a timeout of ${written}()`, true, zero);
        }
      } else if (typeof api.argument === "number") {
        const target = positional[api.argument];
        // `sock.settimeout(None)` puts the socket in blocking mode, the state every new socket starts in:
        // it switches a timer off (like Node's `socket.setTimeout(0)`), it does not itself wait. What
        // waits later may be bounded otherwise (SO_RCVTIMEO, select, a watchdog), so it is not reported.
        const switchOff = target?.type === "none" && /(^|\.)settimeout$/.test(written);
        if (target && !switchOff) this.report(target, `as the timeout of ${written}()`, true, zero, isTest);
        const keyword = api.keyword ? keywordArgument(node, api.keyword) : undefined;
        if (keyword && api.keyword && !this.isTimeout(api.keyword))
          this.report(keyword, `as the timeout of ${written}()`, true, zero, isTest);
      }
    }
    // `q.get(True, 5)`, `lock.acquire(True, 5)`: a timeout after the `block` flag.
    if (blockFlag && positional.length === 2 && /^(True|False)$/.test(positional[0]!.text) && !onDouble) {
      this.report(positional[1]!, `as the timeout of ${written}()`, true);
    }
    const library =
      this.callNeedsTimeout(path, written) ??
      (this.isCallOnFreshSession(callee) ? this.freshSessionLibrary(callee) : undefined);
    if (library) {
      const hasTimeout = keywordArgument(node, "timeout") !== undefined;
      const hasSplat = args.namedChildren.some((a) => a?.type === "dictionary_splat");
      const mocked = this.doubles.patched(node).http || this.doubles.calledOnDouble(node);
      if (!hasTimeout && !hasSplat && !inAssertion(node) && !mocked) {
        const key = `${node.startIndex}:${node.endIndex}`;
        // httpx bounds every call at 5 s by default: hardcoded in the library, not unbounded.
        this.findings.set(key, {
          ruleId: library === "httpx" ? "no-hardcoded-timeout" : "no-unbounded-timeout",
          start: node.startIndex,
          end: node.endIndex,
          message: library === "httpx" ? implicitDefaultMessage(written) : missingTimeoutMessage(written),
        });
      }
    }
  }

  // `redis.delete(k)`, `r.unlink(k)` with `r = redis.Redis(...)`, `pipe.delete(k)` with `pipe = r.pipeline()`.
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

  private freshSessionLibrary(callee: TsNode): "requests" | "httpx" {
    const object = callee.childForFieldName("object")?.childForFieldName("function")?.text ?? "";
    return this.resolve(object.replace(/\s+/g, "")).startsWith("httpx") ? "httpx" : "requests";
  }

  /** The HTTP library a call without `timeout=` goes through (`requests.get`, `session.get`), if any. */
  private callNeedsTimeout(path: string, written: string): "requests" | "httpx" | undefined {
    const dot = path.lastIndexOf(".");
    if (dot < 0) return undefined;
    const method = path.slice(dot + 1);
    if (!HTTP_METHODS.has(method)) return undefined;
    const object = path.slice(0, dot);
    if (HTTP_MODULES.has(object)) return object as "requests" | "httpx";
    const writtenObject = written.slice(0, written.lastIndexOf("."));
    return this.sessions.get(writtenObject);
  }
}

type ZeroMeans = "poll" | "unbounded" | "hardcoded";

/** Appends to the list under `key` (a name assigned many times is not copied each time). */
function push<K, V>(lists: Map<K, V[]>, key: K, ...values: V[]): void {
  const list = lists.get(key);
  if (list) list.push(...values);
  else lists.set(key, values);
}

/**
 * A literal written in hex below the 32-bit "INFINITE": a code or a flag (WinAPI's `WAIT_TIMEOUT = 0x102`,
 * the value `WaitForSingleObject` returns), never a duration.
 */
function isCode(node: TsNode): boolean {
  return node.type === "integer" && /^0x/i.test(node.text) && Number(node.text.replace(/_/g, "")) < NO_LIMIT;
}

/**
 * The function's body never reads the parameter (a fake that only records, an ignored compatibility argument).
 * Not for bodies that are only `pass` or `...` (a Protocol's or an `@overload`'s signature states the real
 * default), nor for `locals()`/`vars()` users.
 */
function neverRead(fn: TsNode, name: string): boolean {
  const body = fn.childForFieldName("body");
  // A body of only `pass`/`...` is a placeholder whose signature is the point (`isStub` judges documented ones).
  if (!body || /^\s*(pass|\.\.\.)\s*$/.test(body.text) || /\b(locals|vars)\s*\(/.test(body.text)) return false;
  if (fn.parent?.type === "decorated_definition" && /@(\w+\.)*(abstract\w*|overload)\b/.test(fn.parent.text))
    return false;
  return !new RegExp(`(?<![\\w.])${name}(?!\\w)`).test(body.text);
}

/** The largest 32-bit values (`0xFFFFFFFF`, `2**31 - 1`): the "INFINITE" of C APIs and timers, not a duration. */
const NO_LIMIT = 2 ** 31 - 1;
/** Clocks a deadline is computed from: `time.time()`, `time.monotonic()`, `loop.time()`, trio's `current_time()`. */
const CLOCKS = /(^|\.)(time|monotonic|perf_counter|current_time|now|utcnow|time_ns|monotonic_ns|clock)$/;

/**
 * `classify`'s item for "no limit" standing in for the caller's None: unbounded, or a day or more
 * (pexpect's `1e6` s, ipykernel's "wait for a week instead" `604800`): no one bounds a wait by a day.
 */
function isNoLimit(item: Classified): boolean {
  if (item.kind === "unbounded") return true;
  const value = Number(item.node.text.replace(/_/g, ""));
  return Number.isFinite(value) && value >= 86_400;
}
