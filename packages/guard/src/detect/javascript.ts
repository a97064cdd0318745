import { matchApi } from "../apis.ts";
import { isTimeoutName, isTimeoutPhase, looksLikeRedisClient } from "../names.ts";
import { hardcodedMessage, localDeleteMessage, unboundedMessage } from "../rules.ts";
import { applyOperator } from "./arithmetic.ts";
import type { DetectorOptions, RawFinding } from "./types.ts";
import {
  bindingIdentifiers,
  calleePath,
  chainRoot,
  destinationOf,
  type EsNode,
  FUNCTION_TYPES,
  isFunction,
  isNode,
  isNullish,
  isPattern,
  MAX_DEPTH,
  memberName,
  propertyName,
  referenceName,
  requiredModule,
  span,
  unwrap,
  unwrapAwait,
} from "./javascript/ast.ts";
import {
  infinityRespelling,
  isCodeTable,
  isResetValue,
  POINT_IN_TIME,
  statementCodeTables,
} from "./javascript/not-durations.ts";
import { DELETE_METHODS, REDIS_FACTORIES } from "./javascript/redis.ts";
import {
  EXPECTS_FAILURE,
  FAILS_TEST,
  isAssertion,
  TEST_FACT_CALLEES,
  typeTestSubject,
} from "./javascript/test-facts.ts";
import {
  isDeadlineTimer,
  JS_CLOCKS,
  LISTENER_METHODS,
  MOCHA_TESTS,
  stopsRecording,
  SWITCH_OFF_APIS,
  TEST_APIS,
  TEST_OPTIONS,
  TIMEOUT_HELPERS,
  TIMER_CALLS,
  TIMER_MODULES,
} from "./javascript/timers.ts";
import { type Classified, GOT_PHASES, kindOf, NO_LIMIT, numericString, SQL_TIMEOUT } from "./javascript/values.ts";

export type { EsNode } from "./javascript/ast.ts";

/**
 * The one JavaScript/TypeScript detector. It reads any ESTree program (oxc-parser's in the CLI,
 * ESLint's in the plugin), so both front ends report the same findings.
 *
 * Findings point at the literal: at the value where it is written in place, and at a constant's
 * initialiser when the timeout is a same-file `const` (one finding per constant, however often used).
 */
export function detectJavaScript(program: EsNode, source: string, options: JsDetectorOptions): RawFinding[] {
  return new JsDetector(options, source).run(program);
}

export interface JsDetectorOptions extends DetectorOptions {
  /** Child keys per node type (oxc-parser's or ESLint's `visitorKeys`); unknown types fall back to every key. */
  visitorKeys?: Readonly<Record<string, readonly string[]>>;
}

const SKIP_KEYS = new Set([
  "parent",
  "loc",
  "range",
  "start",
  "end",
  "typeAnnotation",
  "typeParameters",
  "typeArguments",
  "returnType",
  "superTypeParameters",
  "superTypeArguments",
  "implements",
  "decorators",
  "tokens",
  "comments",
]);

const SKIP_TYPES = new Set([
  "TSTypeAliasDeclaration",
  "TSInterfaceDeclaration",
  "TSEnumDeclaration",
  "TSDeclareFunction",
]);

const SITE_TYPES = new Set([
  "Property",
  "PropertyDefinition",
  "AccessorProperty",
  "VariableDeclarator",
  "AssignmentExpression",
  "AssignmentPattern",
  "JSXAttribute",
  "CallExpression",
  "NewExpression",
  "LogicalExpression",
  "ConditionalExpression",
]);

const BINDING_TYPES = new Set([
  "VariableDeclarator",
  "FunctionDeclaration",
  "FunctionExpression",
  "ArrowFunctionExpression",
  "CatchClause",
]);

type Constant = { node: EsNode; value: number; name: string; scope?: [number, number]; parameter?: boolean };

class JsDetector {
  private readonly findings = new Map<string, RawFinding>();
  private readonly constants = new Map<string, Constant>();
  private readonly bindingCounts = new Map<string, number>();
  /** Variables initialised with a Redis client (`new Redis()`, `createClient()`, ...). */
  private readonly redisClients = new Set<string>();
  /** Values whose destination's name rules them out as durations: the fallback rule leaves them alone. */
  private readonly judgedBySite = new Set<EsNode>();
  /** Names bound to Node's timers modules (`const promises_1 = require("node:timers/promises")`): their setTimeout is a delay. */
  private readonly timerModules = new Set<string>();
  /** [start, end) of every class body: `this.timeout(ms)` there is the object's own setter, not mocha's. */
  private readonly classBodies: [number, number][] = [];
  /** Sites that are entries of a code table (`GatewayTimeout: 504`) or a compiled enum, not durations. */
  private readonly notDurations = new Set<EsNode>();
  /** A name declared `const` in several blocks (`const timeout = 500` in two tests): each declaration, by scope. */
  private readonly scopedConstants = new Map<string, Constant[]>();
  /** Merged [start, end) ranges of assertion arguments (`assert.deepStrictEqual(cfg, { timeout: 0 })`): nothing waits there. */
  private readonly assertionRanges: [number, number][] = [];
  /** Per identifier name: uses in the file, and uses inside assertion arguments. */
  /** Objects declared only to be compared (`const expected = { connectionTimeout: 0 }` used in assertions alone). */
  private readonly expectedRanges: [number, number][] = [];
  private readonly identifierUses = new Map<string, { all: number; asserted: number; declarations: number }>();
  /** Names that elsewhere in the file hold a point in time (`x.resurrectTimeout = Date.now() + t`): a 0 there is a reset. */
  private readonly timestampNames = new Set<string>();
  /** `setTimeout` calls that race an operation (`Promise.race([op, new Promise((r) => setTimeout(r, 1000))])`): deadlines. */
  private readonly raceTimers = new Set<EsNode>();
  /** Names passed as a plain timer's delay (`setTimeout(pollCondition, pollTimeout)`): poll intervals if named so. */
  private readonly timerDelays = new Set<string>();
  /**
   * `function:name` of locals passed as the delay of a timer that stops a recording
   * (`setTimeout(() => session.post(cmd.stop), timeout)`): how long to measure, not a deadline.
   */
  private readonly windowDelays = new Map<string, number[]>();
  /** [start, end) of every function, in document order (pre-order): the scopes of `windowDelays`. */
  private readonly functionSpans: [number, number][] = [];
  /** Initialisers of locals declared `const t = x.timeout || 5000` (the fallback is judged with its local). */
  private readonly windowFallbacks = new Set<EsNode>();
  /** Callbacks also registered as an event's listener (`child.once("exit", exit)`): a timer calling one races the event. */
  private readonly listeners = new Set<string>();
  /** [start, end, test] of every `if` consequent whose test mentions undefined or null. */
  private readonly configuredGuards: [number, number, string][] = [];
  /** Timers whose handle is kept (`exitTimer = setTimeout(...)`), to be cleared when what they guard happens. */
  private readonly storedTimers = new Set<EsNode>();
  /** Fallbacks passed straight to a call (`Timeout.expires(opts.serverSelectionTimeoutMS ?? 0)`). */
  private readonly passedFallbacks = new Set<EsNode>();
  constructor(
    private readonly options: JsDetectorOptions,
    private readonly source: string,
  ) {}

  run(program: EsNode): RawFinding[] {
    // One pass collects bindings, constants and the nodes that can hold a timeout; constants
    // must all be known before any site is judged, so sites are visited after the walk.
    const candidates: Constant[] = [];
    const sites: EsNode[] = [];
    const expectedValues: { name: string; init: EsNode }[] = [];
    const scopedInits = new Set<EsNode>();
    const functions: [EsNode, string[]][] = [];
    this.walk(program, (node) => {
      if (SITE_TYPES.has(node.type)) sites.push(node);
      this.collectTestFacts(node);
      if (node.type === "CallExpression" || node.type === "NewExpression") this.collectCallFacts(node);
      if (node.type === "TemplateElement" || (node.type === "Literal" && typeof node.value === "string"))
        this.checkSqlTimeout(node);
      if (FUNCTION_TYPES.has(node.type)) this.functionSpans.push(span(node));
      const stored =
        node.type === "AssignmentExpression" ? node.right : node.type === "VariableDeclarator" ? node.init : undefined;
      if (isNode(stored) && unwrap(stored).type === "CallExpression") this.storedTimers.add(unwrap(stored));
      // `const bufferTimeout = opts.browserBufferTimeout || 1000`: a destination named like a timeout
      // but judged not one (a pacing delay, an expiry, a flag) decides for its value.
      const destination = destinationOf(node);
      if (destination && /timeout/i.test(destination.name) && !this.isTimeout(destination.name))
        this.judgedBySite.add(unwrap(destination.value));
      if (destination && /timeout/i.test(destination.name) && POINT_IN_TIME.test(this.text(destination.value)))
        this.timestampNames.add(destination.name);
      // `if (t === Infinity || t < 0) t = 0`: the caller's "no limit" re-spelled for a driver, not chosen here.
      if (node.type === "IfStatement") {
        const respelled = infinityRespelling(node, this.source);
        if (respelled) this.notDurations.add(respelled);
        const test = this.text(node.test as EsNode);
        if (/\b(undefined|null)\b/.test(test)) this.configuredGuards.push([...span(node.consequent as EsNode), test]);
      }
      if (node.type === "ClassBody") this.classBodies.push(span(node));
      if (node.type === "ImportDeclaration" && TIMER_MODULES.test(String((node.source as EsNode).value))) {
        for (const specifier of node.specifiers as EsNode[])
          if (specifier.type !== "ImportSpecifier") this.timerModules.add((specifier.local as EsNode).name as string);
      }
      if (
        node.type === "VariableDeclarator" &&
        (node.id as EsNode).type === "Identifier" &&
        isNode(node.init) &&
        TIMER_MODULES.test(requiredModule(node.init) ?? "")
      ) {
        this.timerModules.add((node.id as EsNode).name as string);
      }
      if (
        node.type === "ObjectExpression" &&
        isCodeTable(node.properties as EsNode[], this.options.extraTimeoutNames)
      ) {
        for (const property of node.properties as EsNode[]) this.notDurations.add(property);
      }
      // `exports.ER_QUERY_TIMEOUT = 3024;` one statement per code: the same table, written as statements.
      if (node.type === "Program" || node.type === "BlockStatement" || node.type === "StaticBlock") {
        for (const site of statementCodeTables(node.body as EsNode[], this.options.extraTimeoutNames))
          this.notDurations.add(site);
        // Each `const` knows its block: a name declared in several blocks resolves to the one in scope.
        let scope: [number, number] | undefined;
        for (const statement of node.body as EsNode[]) {
          if (statement.type !== "VariableDeclaration" || statement.kind !== "const") continue;
          scope ??= span(node);
          for (const declarator of statement.declarations as EsNode[]) {
            if ((declarator.id as EsNode).type === "Identifier" && isNode(declarator.init)) {
              scopedInits.add(declarator.init);
              const name = (declarator.id as EsNode).name as string;
              candidates.push({ node: declarator.init, value: Number.NaN, name, scope });
              if (unwrap(declarator.init).type === "ObjectExpression") {
                expectedValues.push({ name, init: declarator.init });
                // Uses are counted only for these names; a declaration's own identifier is one of them.
                const uses = this.identifierUses.get(name) ?? { all: 0, asserted: 0, declarations: 0 };
                uses.declarations += 1;
                this.identifierUses.set(name, uses);
              }
            }
          }
        }
      }
      // A compiled TypeScript enum: `E[E["NetworkTimeout"] = 89] = "NetworkTimeout"`.
      if (
        node.type === "MemberExpression" &&
        node.computed &&
        (node.property as EsNode).type === "AssignmentExpression"
      ) {
        this.notDurations.add(node.property as EsNode);
      }
      if (BINDING_TYPES.has(node.type)) {
        const names = bindingIdentifiers(node);
        for (const id of names) this.bindingCounts.set(id, (this.bindingCounts.get(id) ?? 0) + 1);
        // A parameter hides a block constant of the same name inside its function (resolved after the walk).
        if (names.length > 0 && node.type !== "VariableDeclarator" && node.type !== "CatchClause")
          functions.push([node, names]);
      }
      if (node.type === "VariableDeclarator" && (node.id as EsNode).type === "Identifier" && isNode(node.init)) {
        const init = unwrapAwait(node.init);
        const factory =
          init.type === "NewExpression" || init.type === "CallExpression"
            ? calleePath(init.callee as EsNode)
            : undefined;
        if (factory && REDIS_FACTORIES.test(factory)) this.redisClients.add((node.id as EsNode).name as string);
        // `const pipe = redis.pipeline()`: a pipeline or transaction of a Redis client is one too.
        const callee = init.type === "CallExpression" ? unwrap(init.callee as EsNode) : undefined;
        if (callee?.type === "MemberExpression" && /^(pipeline|multi)$/.test(memberName(callee) ?? "")) {
          const receiver = chainRoot(callee.object as EsNode);
          if (receiver && (looksLikeRedisClient(receiver) || this.redisClients.has(receiver))) {
            this.redisClients.add((node.id as EsNode).name as string);
          }
        }
      }
      // `let timeout = 0` starts a variable that is set later: reset state, not a duration.
      if (node.type === "VariableDeclaration" && node.kind !== "const") {
        for (const declarator of node.declarations as EsNode[]) {
          if (isNode(declarator.init) && isResetValue(declarator.init)) this.notDurations.add(declarator);
        }
      }
      if (node.type === "VariableDeclaration" && node.kind === "const") {
        for (const declarator of node.declarations as EsNode[]) {
          const id = declarator.id as EsNode;
          if (id.type === "Identifier" && isNode(declarator.init) && !scopedInits.has(declarator.init)) {
            candidates.push({ node: declarator.init, value: Number.NaN, name: id.name as string });
          }
        }
      }
    });
    // A name bound once in the file, by `const NAME = <number expression>`, is a constant. A name
    // bound several times only by block-level `const`s (`const timeout = 500` in two tests) is one
    // constant per block, used inside it; any other rebinding (a parameter, a `let`) is ambiguous and
    // never resolved. In source order, so `const SECOND = 1000; const T = 5 * SECOND;` resolves T.
    const declaredInBlocks = new Map<string, number>();
    for (const c of candidates) if (c.scope) declaredInBlocks.set(c.name, (declaredInBlocks.get(c.name) ?? 0) + 1);
    const parameters: Constant[] = [];
    for (const [fn, names] of functions) {
      for (const name of names) {
        if (!declaredInBlocks.has(name)) continue;
        declaredInBlocks.set(name, declaredInBlocks.get(name)! + 1);
        parameters.push({ node: fn, value: Number.NaN, name, scope: span(fn), parameter: true });
      }
    }
    for (const parameter of parameters) {
      if (this.bindingCounts.get(parameter.name) !== declaredInBlocks.get(parameter.name)) continue;
      const list = this.scopedConstants.get(parameter.name) ?? [];
      list.push(parameter);
      this.scopedConstants.set(parameter.name, list);
    }
    for (const candidate of candidates) {
      const count = this.bindingCounts.get(candidate.name);
      if (count === 1) {
        const value = this.evaluate(candidate.node);
        if (value !== undefined) this.constants.set(candidate.name, { ...candidate, value });
      } else if (candidate.scope && count === declaredInBlocks.get(candidate.name)) {
        const value = this.evaluate(candidate.node);
        // Kept when not a number either: it hides an outer constant of the same name in its block.
        const list = this.scopedConstants.get(candidate.name) ?? [];
        list.push({ ...candidate, value: value ?? Number.NaN });
        this.scopedConstants.set(candidate.name, list);
      }
    }
    // `const expected = { connectionTimeout: 0, ... }` used only as an assertion's argument: expected data.
    for (const { name, init } of expectedValues) {
      const uses = this.identifierUses.get(name);
      if (uses && uses.asserted > 0 && uses.all - uses.declarations === uses.asserted)
        this.expectedRanges.push(span(init));
    }
    for (const site of sites) if (!this.inAssertion(site)) this.visit(site);
    return [...this.findings.values()].sort((a, b) => a.start - b.start);
  }

  /**
   * Pre-order walk with an explicit stack: generated code nests deeper than the call stack
   * allows (a 3,000-term `1 + 1 + ...` chain), and no input may crash a run.
   */
  private walk(root: EsNode, visit: (node: EsNode) => void): void {
    const stack: EsNode[] = [root];
    const children: EsNode[] = [];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (SKIP_TYPES.has(node.type)) continue;
      visit(node);
      children.length = 0;
      const keys = this.options.visitorKeys?.[node.type] ?? Object.keys(node);
      for (const key of keys) {
        if (SKIP_KEYS.has(key)) continue;
        const child = node[key];
        if (Array.isArray(child)) {
          for (const item of child) if (isNode(item)) children.push(item);
        } else if (isNode(child)) children.push(child);
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }

  /**
   * What tests say about values (called for every node, in document order): the arguments of
   * assertions (`assert.deepStrictEqual(config, { requestTimeout: 0 })`, `assert.throws(() => ...)`),
   * how often each identifier is used there, and the timers raced against an operation.
   */
  private collectTestFacts(node: EsNode): void {
    if (node.type === "Identifier") {
      // Counted only for objects declared by `const` in a block (seen before their uses, pre-order).
      const name = node.name as string;
      const uses = this.identifierUses.get(name);
      if (!uses) return;
      uses.all += 1;
      const last = this.assertionRanges.at(-1);
      const [start] = span(node);
      if (last && last[0] <= start && start < last[1]) uses.asserted += 1;
      return;
    }
    if (node.type === "TryStatement") {
      this.collectExpectedFailure(node);
      return;
    }
    if (node.type !== "CallExpression") return;
    // Most calls are none of these: the callee's last name rules them out before its path is built.
    const callee = unwrap(node.callee as EsNode);
    const last = callee.type === "SequenceExpression" ? "setTimeout" : referenceName(callee);
    if (last === undefined || !TEST_FACT_CALLEES.test(last)) return;
    const path = calleePath(node.callee as EsNode);
    if (path === undefined) return;
    const args = node.arguments as EsNode[];
    if (TIMER_CALLS.test(path) && args[1]?.type === "Identifier" && !isDeadlineTimer(path, args, this.source)) {
      this.timerDelays.add(args[1].name as string);
      if (isFunction(args[0]!) && args[0]!.type !== "Identifier" && stopsRecording(this.text(args[0]!))) {
        const name = args[1].name as string;
        this.windowDelays.set(name, [...(this.windowDelays.get(name) ?? []), span(node)[0]]);
      }
    }
    // `expect(() => connect({ timeout: 1200 })).toThrow(TypeError)`, `expect(p).rejects.toThrow()`: the
    // subject is expected to fail on its input; nothing waits, unless the failure expected is the timeout.
    if (EXPECTS_FAILURE.test(path)) {
      const subject = typeTestSubject(node);
      const expected = (node.arguments as EsNode[]).map((arg) => this.text(arg)).join(",");
      // A function that throws synchronously has started nothing; a rejected promise may have waited
      // first, so `.rejects` counts only with a validation error (`TypeError`, `RangeError`, "invalid").
      const refused =
        !path.includes(".rejects") || /TypeError|RangeError|Invalid|ValidationError|must be/i.test(expected);
      if (subject && refused && !/time[ds]?\s*-?_?out/i.test(expected)) this.pushAssertionRange(span(subject));
    }
    // A type test (`expect(fastify({ http2SessionTimeout: 1000 })).type.toBe<...>()` in tstyche,
    // `expectType<T>(x)` in tsd) is type-checked, never run: its subject waits for nothing.
    const typeTest = /^<call>(\.not)?\.type\./.test(path) ? typeTestSubject(node) : undefined;
    if (isAssertion(path) || typeTest) {
      for (const arg of (typeTest ?? node).arguments as EsNode[]) this.pushAssertionRange(span(arg));
      return;
    }
    if (path === "Promise.race") {
      const first = (node.arguments as EsNode[])[0];
      if (first && unwrap(first).type === "ArrayExpression") {
        for (const element of unwrap(first).elements as (EsNode | null)[]) {
          if (!element) continue;
          this.walk(element, (inner) => {
            if (inner.type === "CallExpression" && TIMER_CALLS.test(calleePath(inner.callee as EsNode) ?? ""))
              this.raceTimers.add(inner);
          });
        }
      }
    }
  }

  /** The innermost function around `at` (the whole file at the top level). */
  private functionAt(at: number): [number, number] {
    const spans = this.functionSpans;
    let low = 0;
    let high = spans.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (spans[mid]![0] < at) low = mid + 1;
      else high = mid;
    }
    for (let i = low - 1; i >= 0; i--) if (at < spans[i]![1]) return spans[i]!;
    return [0, this.source.length];
  }

  /** A local whose function (callbacks included) passes it as a measurement window's delay (see `windowDelays`). */
  private isWindowDelay(name: string, node: EsNode): boolean {
    const timers = this.windowDelays.get(name);
    if (!timers) return false;
    const [at] = span(node);
    const [from, to] = this.functionAt(at);
    return timers.some((timer) => timer > at && from <= timer && timer < to);
  }

  /** Keeps the assertion ranges merged and in document order (they arrive in pre-order). */
  private pushAssertionRange([start, end]: [number, number]): void {
    const last = this.assertionRanges.at(-1);
    // Pre-order: an assertion nested in another's arguments lies inside the range already kept.
    if (last && start < last[1]) last[1] = Math.max(last[1], end);
    else this.assertionRanges.push([start, end]);
  }

  /**
   * `try { needle.defaults({ timeout: 1200 }); done(new Error("expected to throw")) } catch (e) { ... }`:
   * a try block that fails the test when it gets past its calls expects them to throw on their input.
   */
  private collectExpectedFailure(node: EsNode): void {
    const body = ((node.block as EsNode).body as EsNode[]) ?? [];
    const handler = node.handler as EsNode | null;
    const last = body.at(-1);
    if (!handler || body.length < 2 || !last || /time[ds]?\s*-?_?out/i.test(this.text(handler))) return;
    // An `await` in the block may wait before it throws; a synchronous throw started nothing.
    if (/\bawait\b/.test(this.source.slice(span(body[0]!)[0], span(last)[0]))) return;
    const fails =
      last.type === "ThrowStatement" ||
      (last.type === "ExpressionStatement" && FAILS_TEST.test(this.text(last.expression as EsNode)));
    if (fails) this.pushAssertionRange([span(body[0]!)[0], span(last)[0]]);
  }

  /** Listeners (`child.once("exit", exit)`) and fallbacks passed straight to a call. */
  private collectCallFacts(node: EsNode): void {
    const args = node.arguments as EsNode[];
    const callee = unwrap(node.callee as EsNode);
    if (callee.type === "MemberExpression" && LISTENER_METHODS.test(memberName(callee) ?? "") && args[1])
      if (args[1].type === "Identifier") this.listeners.add(args[1].name as string);
    // `Math.max(defaultTimeout, custom || 0)`, `setTimeout(fn, t || 0)`: arithmetic and timers, not a wait's bound.
    const path = calleePath(callee) ?? "";
    if (/^(Math|Number|String|JSON|console|Object|Array)\./.test(path) || referenceName(callee) === "setTimeout")
      return;
    for (const arg of args) if (unwrap(arg).type === "LogicalExpression") this.passedFallbacks.add(unwrap(arg));
  }

  private inAssertion(node: EsNode): boolean {
    const [start] = span(node);
    if (this.expectedRanges.some(([from, to]) => from <= start && start < to)) return true;
    // The ranges are merged and in document order: the last one starting at or before `start` decides.
    const ranges = this.assertionRanges;
    let low = 0;
    let high = ranges.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (ranges[mid]![0] <= start) low = mid + 1;
      else high = mid;
    }
    return low > 0 && start < ranges[low - 1]![1];
  }

  /** The constant an identifier names where it is used: the file's, else the innermost block's declared before it. */
  private constantAt(node: EsNode): Constant | undefined {
    const name = node.name as string;
    const constant = this.constants.get(name);
    if (constant) return constant;
    const scoped = this.scopedConstants.get(name);
    if (!scoped) return undefined;
    const [at] = span(node);
    let best: Constant | undefined;
    for (const candidate of scoped) {
      const [from, to] = candidate.scope!;
      const declared = candidate.parameter || span(candidate.node)[0] < at;
      if (from <= at && at < to && declared && (!best || from >= best.scope![0])) best = candidate;
    }
    return best?.parameter || Number.isNaN(best?.value) ? undefined : best;
  }

  private evaluate(raw: EsNode, depth = 0): number | undefined {
    // Constant expressions worth folding are shallow; deeper ones are generated code.
    if (depth > MAX_DEPTH) return undefined;
    const node = unwrap(raw);
    switch (node.type) {
      case "Literal":
        return typeof node.value === "number" ? node.value : undefined;
      case "Identifier":
        if (node.name === "Infinity" && !this.bindingCounts.has("Infinity")) return Number.POSITIVE_INFINITY;
        return this.constantAt(node)?.value;
      case "UnaryExpression": {
        const value = this.evaluate(node.argument as EsNode, depth + 1);
        if (value === undefined) return undefined;
        return node.operator === "-" ? -value : node.operator === "+" ? value : undefined;
      }
      case "BinaryExpression": {
        const left = this.evaluate(node.left as EsNode, depth + 1);
        const right = left === undefined ? undefined : this.evaluate(node.right as EsNode, depth + 1);
        if (left === undefined || right === undefined) return undefined;
        return applyOperator(node.operator as string, left, right);
      }
      default:
        return undefined;
    }
  }

  /** The hardcoded or unbounded values a timeout expression holds, with where to report each. */
  private classify(raw: EsNode, out: Classified[] = [], depth = 0): Classified[] {
    if (depth > MAX_DEPTH) return out;
    const node = unwrap(raw);
    switch (node.type) {
      case "ObjectExpression":
        // `timeout: { request: 10000 }`: the phases of one timeout. Other keys (`retries: 2`) are not durations.
        for (const property of node.properties as EsNode[]) {
          const name = property.type === "Property" ? propertyName(property) : undefined;
          // `functionTimeout: { value: 0, exportable: true }`: a settings descriptor's value is the timeout.
          const holdsIt = name === "value" || (name !== undefined && (isTimeoutPhase(name) || this.isTimeout(name)));
          if (name !== undefined && isNode(property.value) && holdsIt) {
            // A phase of 0 (`timeout: { secureConnect: 0 }`) fires at once in got: a hardcoded 0 ms.
            const before = out.length;
            this.classify(property.value, out, depth + 1);
            if (GOT_PHASES.has(name))
              for (const item of out.slice(before)) if (item.literal === "0") item.kind = "hardcoded";
          }
        }
        return out;
      case "ConditionalExpression": {
        this.classify(node.consequent as EsNode, out, depth + 1);
        // `connectTimeoutMS ? connectTimeoutMS + x : 0`: the 0 is taken only when the value tested is
        // itself 0 (or unset); it mirrors the configured value, it does not choose one.
        const test = unwrap(node.test as EsNode);
        const mirrors = test.type === "Identifier" || test.type === "MemberExpression";
        if (!(mirrors && this.evaluate(node.alternate as EsNode) === 0))
          this.classify(node.alternate as EsNode, out, depth + 1);
        return out;
      }
      case "LogicalExpression":
        this.classify(node.left as EsNode, out, depth + 1);
        this.classify(node.right as EsNode, out, depth + 1);
        return out;
      case "Literal":
        if (node.value === false) out.push({ kind: "unbounded", node, literal: "false" });
        break;
      case "CallExpression": {
        // `Number(process.env.X ?? 5000)`, `parseInt(env.T || "5000", 10)`: the fallback inside a conversion.
        const callee = calleePath(node.callee as EsNode);
        const first = (node.arguments as EsNode[])[0];
        // `Joi.number().positive().default(10 * 1000)`: a schema's default for a timeout option.
        const method = unwrap(node.callee as EsNode);
        if (first && method.type === "MemberExpression" && memberName(method) === "default") {
          this.classify(first, out, depth + 1);
          return out;
        }
        if (
          first &&
          callee !== undefined &&
          /^(Number|parseInt|parseFloat|Number\.parseInt|Number\.parseFloat)$/.test(callee)
        ) {
          this.classify(first, out, depth + 1);
          return out;
        }
        break;
      }
      case "BinaryExpression": {
        // `timeout + 5000`: a pad added to the caller's timeout is a hardcoded part of the wait.
        const pad = node.operator === "+" ? this.padOf(node) : undefined;
        if (pad) {
          out.push({ kind: "hardcoded", node: pad.node, literal: `${this.text(pad.node)} (added to ${pad.name})` });
          return out;
        }
        break;
      }
      case "Identifier": {
        const constant = this.constantAt(node);
        if (constant) {
          out.push({
            kind: kindOf(constant.value),
            node: constant.node,
            literal: `${constant.name} = ${this.text(constant.node)}`,
            negative: constant.value < 0,
          });
          return out;
        }
        break;
      }
    }
    const value = this.evaluate(node);
    if (value !== undefined) out.push({ kind: kindOf(value), node, literal: this.text(node), negative: value < 0 });
    return out;
  }

  /**
   * `SET LOCAL lock_timeout = 30000;` in SQL the code sends: a server-side timeout written in a string
   * (PostgreSQL/MySQL settings; 0 there means "no limit").
   */
  private checkSqlTimeout(node: EsNode): void {
    const [start, end] = span(node);
    const text = this.source.slice(start, end);
    if (!/timeout/i.test(text)) return;
    for (const match of text.matchAll(SQL_TIMEOUT)) {
      const value = Number(match[2]);
      const at = start + match.index + match[0].length - match[2]!.length;
      const key = `${at}:${at + match[2]!.length}`;
      if (this.findings.has(key) || this.inAssertion(node)) continue;
      const literal = { type: "Literal", value, range: [at, at + match[2]!.length] } as EsNode;
      this.add(kindOf(value), literal, match[2]!, `in SQL (SET ${match[1]})`, false);
      // Inside a string: an editor suggestion that swaps in `config.TIMEOUT` would break the SQL.
      this.findings.get(key)!.replaceable = false;
    }
  }

  /** Inside `if (<reference> !== undefined)` (or `!= null`): the code runs only when the caller configured it. */
  private guardedAsConfigured(reference: string, at: number): boolean {
    return this.configuredGuards.some(
      ([from, to, test]) => from <= at && at < to && test.includes(reference) && /!==?\s*(undefined|null)\b/.test(test),
    );
  }

  /** `x.timeout == null ? 20000 : x.timeout` (either way round): the number, if positive, and the name. */
  private nullFallback(node: EsNode): { value: EsNode; name: string } | undefined {
    const test = unwrap(node.test as EsNode);
    if (test.type !== "BinaryExpression" || !/^[!=]==?$/.test(test.operator as string)) return undefined;
    const sides = [unwrap(test.left as EsNode), unwrap(test.right as EsNode)];
    const reference = sides.find((side) => !isNullish(side));
    if (!reference || !sides.some(isNullish)) return undefined;
    const name = referenceName(reference);
    if (!this.isTimeout(name)) return undefined;
    const equal = (test.operator as string).startsWith("=");
    const value = (equal ? node.consequent : node.alternate) as EsNode;
    const same = (equal ? node.alternate : node.consequent) as EsNode;
    if (this.text(same) !== this.text(reference)) return undefined;
    const number = this.evaluate(value);
    return number !== undefined && number > 0 && number < NO_LIMIT ? { value, name } : undefined;
  }

  /** In `timeout + 5000`, the constant added to a timeout-named value that is not itself a constant. */
  private padOf(node: EsNode): { node: EsNode; name: string } | undefined {
    for (const [reference, pad] of [
      [node.left, node.right],
      [node.right, node.left],
    ] as [EsNode, EsNode][]) {
      const name = referenceName(unwrap(reference));
      if (!this.isTimeout(name) || this.evaluate(reference) !== undefined) continue;
      const value = this.evaluate(pad);
      if (value !== undefined && value > 0) return { node: pad, name };
    }
    return undefined;
  }

  /** `Date.now() + 5000`, `performance.now() + 1000`: the constant added to a clock, if any. */
  private clockOffset(raw: EsNode): EsNode | undefined {
    const node = unwrap(raw);
    if (node.type !== "BinaryExpression" || node.operator !== "+") return undefined;
    for (const [clock, other] of [
      [node.left, node.right],
      [node.right, node.left],
    ] as [EsNode, EsNode][]) {
      const call = unwrap(clock);
      if (call.type !== "CallExpression" || !JS_CLOCKS.test(calleePath(call.callee as EsNode) ?? "")) continue;
      const value = this.evaluate(other);
      if (value !== undefined && value > 0) return other;
    }
    return undefined;
  }

  private report(value: EsNode, where: string, zeroIsUnbounded = true, isTest = false): void {
    for (const item of this.classify(value)) {
      if (item.negative) continue; // `-1`: a sentinel ("unset"), not a duration
      const kind = item.kind === "unbounded" && !zeroIsUnbounded ? "hardcoded" : item.kind;
      this.add(kind, item.node, item.literal, where, isTest);
    }
  }

  private add(kind: Classified["kind"], node: EsNode, literal: string, where: string, isTest: boolean): void {
    const [start, end] = span(node);
    const key = `${start}:${end}`;
    if (this.findings.has(key)) return;
    this.findings.set(key, {
      ruleId: kind === "hardcoded" ? "no-hardcoded-timeout" : "no-unbounded-timeout",
      start,
      end,
      message:
        kind === "hardcoded"
          ? hardcodedMessage(literal, where, "js", isTest)
          : unboundedMessage(literal, where, "js", isTest),
      replaceable: true,
    });
  }

  private isTimeout(name: string | undefined): name is string {
    if (name === undefined || !isTimeoutName(name, this.options.extraTimeoutNames)) return false;
    // `wait(cond, timeout, msg, pollTimeout = 200)` then `setTimeout(pollCondition, pollTimeout)`: how
    // long to wait between polls, a delay named like a timeout.
    return !(this.timerDelays.has(name) && /^poll/i.test(name));
  }

  private visit(node: EsNode): void {
    if (this.notDurations.has(node)) return;
    switch (node.type) {
      case "Property": {
        const name = propertyName(node);
        if (!this.isTimeout(name)) return;
        const value = node.value as EsNode;
        // `{ timeout = 5000 } = options` and `{ timeout: t = 5000 }`: a destructuring default.
        const isTest = TEST_OPTIONS.test(name);
        if (value.type === "AssignmentPattern") this.report(value.right as EsNode, `as the default of "${name}"`);
        else if (this.timestampNames.has(name) && isResetValue(value)) return;
        else if (!isPattern(value)) this.report(value, `in "${name}"`, true, isTest);
        return;
      }
      case "PropertyDefinition":
      case "AccessorProperty": {
        // A class field initialised to 0 or a negative sentinel is reset state, not a duration.
        const name = propertyName(node);
        if (this.isTimeout(name) && isNode(node.value) && !isResetValue(node.value)) {
          this.report(node.value, `in "${name}"`);
        }
        return;
      }
      case "VariableDeclarator": {
        // `const timeout = 500`, `const timeoutMs = opts.timeoutMs ?? 1_000`: wherever the name is used.
        const id = node.id as EsNode;
        // `const deadline = Date.now() + 5000`: a literal added to the clock is a deadline's duration.
        const added = id.type === "Identifier" && isNode(node.init) ? this.clockOffset(node.init) : undefined;
        if (added && /deadline/i.test(id.name as string)) {
          this.report(added, `added to the clock for "${String(id.name)}"`);
          return;
        }
        if (id.type === "Identifier" && this.isTimeout(id.name as string) && isNode(node.init)) {
          if (this.isWindowDelay(id.name as string, node)) {
            this.windowFallbacks.add(unwrap(node.init));
            return;
          }
          this.report(node.init, `assigned to "${String(id.name)}"`);
        }
        return;
      }
      case "AssignmentExpression": {
        const target = node.left as EsNode;
        const name = target.type === "MemberExpression" ? memberName(target) : undefined;
        const added = this.clockOffset(node.right as EsNode);
        const targetName = referenceName(target);
        if (added && targetName !== undefined && /deadline/i.test(targetName)) {
          this.report(added, `added to the clock for "${targetName}"`);
          return;
        }
        if (target.type === "Identifier" && this.isTimeout(target.name as string)) {
          // `timeout = timeout == null ? 10e3 : timeout`
          this.report(node.right as EsNode, `assigned to "${String(target.name)}"`);
        } else if (this.isTimeout(name)) {
          // `this._uploadTimeout = 0` resets the object's own state; `server.requestTimeout = 0` configures a server.
          // `conn.resurrectTimeout = 0` where the file also sets it to `Date.now() + t`: a point in time, reset.
          const own = unwrap(target.object as EsNode).type === "ThisExpression" || this.timestampNames.has(name);
          if (!(own && isResetValue(node.right as EsNode))) this.report(node.right as EsNode, `assigned to "${name}"`);
        }
        return;
      }
      case "AssignmentPattern": {
        const left = node.left as EsNode;
        if (left.type === "Identifier" && this.isTimeout(left.name as string)) {
          this.report(node.right as EsNode, `as the default of "${String(left.name)}"`);
        }
        return;
      }
      case "LogicalExpression": {
        // `this.options.timeout || 20000`, `opts.timeoutMs ?? 5000`: the fallback of a timeout is a
        // default timeout wherever the expression goes (a timer helper, a field, an argument). Only
        // durations: a 0 fallback often switches a feature off, and the sites above judge those.
        if (node.operator === "&&" || this.judgedBySite.has(node)) return;
        // `const timeout = msg.timeout || 5000` then a timer that stops the profiler after it: a window.
        if (this.windowFallbacks.has(node)) return;
        const left = unwrap(node.left as EsNode);
        const name = referenceName(left);
        if (!this.isTimeout(name)) return;
        const right = unwrap(node.right as EsNode);
        const value = this.evaluate(right) ?? numericString(right);
        if (value !== undefined && value > 0 && value !== Number.POSITIVE_INFINITY) {
          if (right.type === "Literal" && typeof right.value === "string")
            // `parseFloat(n.timeout || "30") * 1000`: a fallback written as a string, parsed later.
            this.add("hardcoded", right, this.text(right), `as the fallback of "${name}"`, false);
          else this.report(right, `as the fallback of "${name}"`);
        } else if (value === 0 && this.passedFallbacks.has(node)) {
          // `Timeout.expires(opts.serverSelectionTimeoutMS ?? 0)`: unset means no limit for what it is passed to.
          this.report(right, `as the fallback of "${name}"`);
        }
        return;
      }
      case "ConditionalExpression": {
        // `null == opts.timeout ? 20000 : opts.timeout`: the `??` of older code, a default timeout wherever it goes.
        const fallback = this.nullFallback(node);
        if (fallback && !this.judgedBySite.has(node))
          this.report(fallback.value, `as the fallback of "${fallback.name}"`);
        return;
      }
      case "JSXAttribute": {
        const name = (node.name as EsNode).name;
        const value = node.value as EsNode | null;
        if (typeof name === "string" && this.isTimeout(name) && value?.type === "JSXExpressionContainer") {
          this.report(value.expression as EsNode, `in the "${name}" prop`);
        }
        return;
      }
      case "CallExpression":
      case "NewExpression": {
        if (node.type === "CallExpression") this.checkCacheDelete(node);
        const path = calleePath(node.callee as EsNode);
        if (path === undefined) return;
        const args = (node.arguments as EsNode[]).filter((arg) => arg.type !== "SpreadElement");
        // `timeout(this.query(conn, "ROLLBACK"), 5000)`, `pTimeout(op, 1000)`: a helper that bounds a promise.
        // A literal first argument is no promise (`timeout("t1", 5000)` builds a fixture's lines).
        const bounded = args[0] && unwrap(args[0]);
        if (
          TIMEOUT_HELPERS.test(referenceName(unwrap(node.callee as EsNode)) ?? "") &&
          args.length >= 2 &&
          bounded?.type !== "Literal" &&
          bounded?.type !== "TemplateLiteral"
        ) {
          for (const arg of args.slice(1)) {
            const value = this.evaluate(arg);
            if (value !== undefined && value > 0) this.report(arg, `as the timeout of ${path}()`);
          }
          return;
        }
        // `it("...", fn).timeout(30000)`: mocha's test timeout, chained on the test.
        const callee = unwrap(node.callee as EsNode);
        if (callee.type === "MemberExpression" && memberName(callee) === "timeout" && args[0]) {
          const test = unwrap(callee.object as EsNode);
          if (test.type === "CallExpression" && MOCHA_TESTS.test(calleePath(test.callee as EsNode) ?? "")) {
            this.report(args[0], `as the timeout of ${calleePath(test.callee as EsNode)}(...).timeout()`, true, true);
            return;
          }
        }
        // `exitTimer = setTimeout(exit, 10 * 1000)` with `child.once("exit", exit)`: a kept timer that races
        // the event it guards (the handle is there to clear it when the event comes first) is a deadline.
        const racesEvent =
          TIMER_CALLS.test(path) &&
          this.storedTimers.has(node) &&
          args[0]?.type === "Identifier" &&
          this.listeners.has(args[0].name as string);
        if (this.raceTimers.has(node) || racesEvent || isDeadlineTimer(path, args, this.source)) {
          // A 0 ms timer defers its callback to the next turn; it bounds nothing.
          if (args[1] && this.evaluate(args[1]) !== 0)
            this.report(
              args[1],
              `as the delay of a ${path}() that ends or fails the operation when it fires (a deadline)`,
            );
          return;
        }
        const api = matchApi(this.options.apis, "js", path);
        if (!api) return;
        // `(0, promises_1.setTimeout)(1000)`: a sleep from Node's timers module, not a socket's timeout.
        if (path.endsWith(".setTimeout") && this.timerModules.has(path.slice(0, path.indexOf(".")))) return;
        let targets: EsNode[] = [];
        if (api.argument === "all") targets = args;
        else if (api.argument === "last") {
          const last = args.at(-1);
          const beforeLast = args.at(-2);
          if (last && args.length >= (api.minArguments ?? 2) && beforeLast && isFunction(beforeLast)) targets = [last];
        } else if (args[api.argument]) targets = [args[api.argument]!];
        const isTest =
          (TEST_APIS.test(path) && !(path === "this.timeout" && this.inClass(node))) || api.argument === "last";
        for (const target of targets) {
          // `socket.setTimeout(0)` switches a Node idle timer off after the phase it guarded.
          // `if (cfg.socket !== undefined) socket.setTimeout(cfg.socket || 0)`: only when configured, the
          // configured `false` ("no socket timeout") re-spelled; unguarded, `x ?? 0` is the code's own choice.
          const fallback = unwrap(target);
          const offFallback =
            fallback.type === "LogicalExpression" &&
            this.evaluate(fallback.right as EsNode) === 0 &&
            this.guardedAsConfigured(this.text(fallback.left as EsNode), span(node)[0]);
          if (SWITCH_OFF_APIS.has(api.callee) && (this.evaluate(target) === 0 || offFallback)) continue;
          this.report(target, `as the timeout of ${path}()`, api.zeroIsUnbounded ?? true, isTest);
        }
        return;
      }
    }
  }

  private inClass(node: EsNode): boolean {
    const [start] = span(node);
    return this.classBodies.some(([from, to]) => from < start && start < to);
  }

  // `redis.del(k)`, `client.unlink(k)` on a client from `createClient()`, `redis.multi().del(k)`.
  private checkCacheDelete(node: EsNode): void {
    const callee = unwrap(node.callee as EsNode);
    if (callee.type !== "MemberExpression") return;
    const method = memberName(callee);
    if (method === undefined || !DELETE_METHODS.has(method)) return;
    const root = chainRoot(callee.object as EsNode);
    if (root === undefined || !(looksLikeRedisClient(root) || this.redisClients.has(root))) return;
    const [start, end] = span(node);
    this.findings.set(`${start}:${end}`, {
      ruleId: "no-local-cache-delete",
      start,
      end,
      message: localDeleteMessage(this.text(callee)),
    });
  }

  private text(node: EsNode): string {
    const [start, end] = span(node);
    return this.source.slice(start, end);
  }
}
