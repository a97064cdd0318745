// What one walk of a file learns before any site is judged: bindings, constants, tests, timers, tables.
import { isTimeoutName } from "../../names.ts";
import {
  bindingIdentifiers,
  calleePath,
  destinationOf,
  type EsNode,
  isNode,
  memberName,
  propertyName,
  referenceName,
  requiredModule,
  span,
  unwrap,
  unwrapAwait,
} from "./ast.ts";
import { ExpectedValues } from "./expected-values.ts";
import { NoWaitFacts } from "./no-wait.ts";
import {
  infinityRespelling,
  isCodeTable,
  isResetValue,
  POINT_IN_TIME,
  statementCodeTables,
  backoffBase,
  ValidationBounds,
} from "./not-durations.ts";
import { trackRedisClient } from "./redis.ts";
import { collectExpectedFailure, collectTestCall, type TestFacts } from "./test-facts.ts";
import { LISTENER_METHODS, TIMER_CALLS, TIMER_MODULES } from "./timers.ts";
import { TimerEffects } from "./timer-effects.ts";
import { walk, type VisitorKeys } from "./walk.ts";
import { ZeroFacts } from "./zero.ts";

/** A `const` (or a parameter hiding one) and, once folded, its value. */
export type Constant = { node: EsNode; value: number; name: string; scope?: [number, number]; parameter?: boolean };

/**
 * The facts of one file, from one pre-order walk (`collect`). Every later step reads them: the
 * constants (`Constants`), and the judgement of each site (`sites`, in document order).
 */
export class FileFacts implements TestFacts {
  /** Nodes that can hold a timeout (properties, declarators, assignments, calls, fallbacks), in document order. */
  readonly sites: EsNode[] = [];
  /** String literals and template texts that mention a timeout: SQL `SET ... timeout` candidates. */
  readonly sqlTexts: EsNode[] = [];
  /** `const` declarations with an initialiser, in document order; block-level ones know their block. */
  readonly candidates: Constant[] = [];
  /** Functions with parameters, and their parameters' names (they hide a block constant of the same name). */
  readonly functions: [EsNode, string[]][] = [];
  /** Objects a test builds only to compare or to check their fields. */
  readonly expected = new ExpectedValues(this);
  readonly bindingCounts = new Map<string, number>();
  /** Variables initialised with a Redis client (`new Redis()`, `createClient()`, ...). */
  readonly redisClients = new Set<string>();
  /** Values whose destination's name rules them out as durations: the fallback rule leaves them alone. */
  readonly judgedBySite = new Set<EsNode>();
  /** Names bound to Node's timers modules (`const promises_1 = require("node:timers/promises")`): their setTimeout is a delay. */
  readonly timerModules = new Set<string>();
  /** [start, end) of every class body: `this.timeout(ms)` there is the object's own setter, not mocha's. */
  readonly classBodies: [number, number][] = [];
  /** Sites that are entries of a code table (`GatewayTimeout: 504`) or a compiled enum, not durations. */
  readonly notDurations = new Set<EsNode>();
  /** Merged [start, end) ranges of assertion arguments (`assert.deepStrictEqual(cfg, { timeout: 0 })`): nothing waits there. */
  readonly assertionRanges: [number, number][] = [];
  /** [start, end) of `expect(subject)` subjects, in document order. */
  readonly subjectRanges: [number, number][] = [];
  /** Where nothing waits (fake clocks, doubles, display payloads) and values that are not deadlines. */
  readonly noWait: NoWaitFacts;
  /** Names that elsewhere in the file hold a point in time (`x.resurrectTimeout = Date.now() + t`): a 0 there is a reset. */
  readonly timestampNames = new Set<string>();
  /** `setTimeout` calls that race an operation (`Promise.race([op, new Promise((r) => setTimeout(r, 1000))])`): deadlines. */
  readonly raceTimers = new Set<EsNode>();
  /** [start, end) of every element of a `Promise.race([...])` array, in document order. */
  readonly raceElements: [number, number][] = [];
  /** Names raced whole: `Promise.race([bodyPromise, timeoutPromise])`. */
  readonly racedNames = new Set<string>();
  /** `const timeoutPromise = new Promise(...)`: promises held in a local, by name, with the span of their `new`. */
  private readonly heldPromises: { name: string; from: number; to: number }[] = [];
  /** Names passed as a plain timer's delay (`setTimeout(pollCondition, pollTimeout)`): poll intervals if named so. */
  readonly timerDelays = new Set<string>();
  /**
   * Per name, the offsets of timers that stop a recording with that local as their delay
   * (`setTimeout(() => session.post(cmd.stop), timeout)`): how long to measure, not a deadline.
   */
  readonly windowDelays = new Map<string, number[]>();
  /** [start, end) of every function, in document order (pre-order): the scopes of `windowDelays`. */
  readonly functionSpans: [number, number][] = [];
  /** Callbacks also registered as an event's listener (`child.once("exit", exit)`): a timer calling one races the event. */
  readonly listeners = new Set<string>();
  /** [start, end, test] of every `if` consequent whose test mentions undefined or null. */
  readonly configuredGuards: [number, number, string][] = [];
  /** Timers whose handle is kept (`exitTimer = setTimeout(...)`), to be cleared when what they guard happens. */
  readonly storedTimers = new Set<EsNode>();
  /** Fallbacks passed straight to a call (`Timeout.expires(opts.serverSelectionTimeoutMS ?? 0)`). */
  readonly passedFallbacks = new Set<EsNode>();
  /** What a 0 means where it is written: the call it is an argument of, the names tested for "set" and armed. */
  readonly zero = new ZeroFacts();
  /** Base delays of an exponential retry backoff added to a clock (`Date.now() + t * Math.pow(2, n)`). */
  readonly backoffs = new Set<string>();
  /** Constants used only to validate a configured timeout. */
  readonly bounds = new ValidationBounds();
  /** What timers' callbacks do: delays of timers that only log or measure, tests' scripted aborts. */
  readonly timers: TimerEffects;
  /** Initialisers of block-level `const`s (the others are collected at their declaration). */
  private readonly scopedInits = new Set<EsNode>();

  constructor(
    readonly source: string,
    private readonly extraTimeoutNames: ReadonlySet<string>,
  ) {
    this.noWait = new NoWaitFacts(source);
    this.timers = new TimerEffects(source);
  }

  /** Walks `program` once, collecting every fact. */
  collect(program: EsNode, visitorKeys: VisitorKeys | undefined): this {
    walk(program, visitorKeys, (node) => this.collectNode(node));
    this.timers.finish(visitorKeys);
    return this;
  }

  text(node: EsNode): string {
    const [start, end] = span(node);
    return this.source.slice(start, end);
  }

  isTimeout(name: string | undefined): name is string {
    if (name === undefined) return false;
    // `DEFAULT_GLOBAL_DEADLINE_MS = 10 * 60 * 1000`: a deadline with a unit is a duration (a bare `deadline` is a time).
    if (!isTimeoutName(name, this.extraTimeoutNames)) return /deadline/i.test(name) && DEADLINE_DURATION.test(name);
    if (this.backoffs.has(name)) return false;
    // `wait(cond, timeout, msg, pollTimeout = 200)` then `setTimeout(pollCondition, pollTimeout)`: how
    // long to wait between polls, a delay named like a timeout.
    if (this.timerDelays.has(name) && /^poll/i.test(name)) return false;
    // `setTimeout(() => this.renewToken(), this._tokenTimeout)`: when to renew, a schedule.
    // `setTimeout(() => span.end(), idleTimeout)`: how long a measurement runs; nothing waits on it.
    return !this.noWait.schedules.has(name) && !this.timers.inertNames.has(name);
  }

  /** One node's facts; a node type's steps run in this order (a later step may read an earlier one's). */
  private collectNode(node: EsNode): void {
    switch (node.type) {
      case "Identifier":
        this.expected.identifier(node);
        return;
      case "TryStatement":
        collectExpectedFailure(this, node);
        return;
      case "Literal":
        if (typeof node.value === "string") this.sqlText(node);
        return;
      case "TemplateLiteral":
        this.bounds.template(node);
        return;
      case "TemplateElement":
        this.sqlText(node);
        return;
      case "CallExpression":
        this.sites.push(node);
        collectTestCall(this, node);
        this.collectCallFacts(node);
        this.noWait.call(node);
        this.zero.call(node);
        this.timers.call(node);
        return;
      case "NewExpression":
        this.sites.push(node);
        this.collectCallFacts(node);
        this.noWait.call(node);
        this.zero.call(node);
        this.timers.call(node);
        return;
      case "FunctionDeclaration":
      case "FunctionExpression":
      case "ArrowFunctionExpression":
        if (node.type === "FunctionDeclaration" && isNode(node.id))
          this.timers.definition(node.id.name as string, node);
        this.functionSpans.push(span(node));
        this.collectBindings(node);
        return;
      case "CatchClause":
        this.collectBindings(node);
        return;
      case "AssignmentExpression":
        this.sites.push(node);
        this.timers.definition(referenceName(node.left as EsNode), node.right);
        this.storedTimer(node.right);
        this.collectDestination(node);
        this.noWait.assignment(node);
        return;
      case "VariableDeclarator":
        this.sites.push(node);
        if ((node.id as EsNode).type === "Identifier")
          this.timers.definition((node.id as EsNode).name as string, node.init);
        this.storedTimer(node.init);
        this.collectDestination(node);
        this.collectDeclarator(node);
        this.zero.declarator(node);
        return;
      case "Property":
      case "PropertyDefinition":
      case "AssignmentPattern":
        this.sites.push(node);
        if (node.type === "PropertyDefinition") this.timers.definition(propertyName(node), node.value);
        this.collectDestination(node);
        return;
      case "LogicalExpression":
        // `t && arm(t)`: the left side is tested for being set.
        if (node.operator === "&&") this.zero.test(node.left as EsNode);
        this.sites.push(node);
        return;
      case "ConditionalExpression":
        this.zero.test(node.test as EsNode);
        this.sites.push(node);
        return;
      case "AccessorProperty":
      case "JSXAttribute":
      case "ReturnStatement":
        this.sites.push(node);
        return;
      case "IfStatement": {
        // `if (t === Infinity || t < 0) t = 0`: the caller's "no limit" re-spelled for a driver, not chosen here.
        this.zero.test(node.test as EsNode);
        const respelled = infinityRespelling(node, this.source);
        if (respelled) this.notDurations.add(respelled);
        const test = this.text(node.test as EsNode);
        if (/\b(undefined|null)\b/.test(test)) this.configuredGuards.push([...span(node.consequent as EsNode), test]);
        return;
      }
      case "MethodDefinition":
        if (node.kind === "constructor") this.zero.constructors.push(span(node));
        this.timers.definition(propertyName(node), node.value);
        return;
      case "ClassBody":
        this.classBodies.push(span(node));
        return;
      case "ImportDeclaration":
        this.zero.importDeclaration(node);
        if (TIMER_MODULES.test(String((node.source as EsNode).value))) {
          for (const specifier of node.specifiers as EsNode[])
            if (specifier.type !== "ImportSpecifier") this.timerModules.add((specifier.local as EsNode).name as string);
        }
        return;
      case "ObjectExpression":
        if (isCodeTable(node.properties as EsNode[], this.extraTimeoutNames)) {
          for (const property of node.properties as EsNode[]) this.notDurations.add(property);
        }
        this.noWait.object(node);
        this.timers.object(node);
        return;
      case "BinaryExpression":
        this.noWait.comparison(node);
        this.bounds.binary(node, (name) => this.isTimeout(name));
        if (node.operator === "+") {
          const base = backoffBase(node);
          if (base !== undefined) this.backoffs.add(base);
        }
        return;
      case "JSXOpeningElement":
        this.noWait.element(node);
        return;
      case "Program":
      case "BlockStatement":
      case "StaticBlock":
        this.collectBlock(node);
        return;
      case "MemberExpression":
        // A compiled TypeScript enum: `E[E["NetworkTimeout"] = 89] = "NetworkTimeout"`.
        if (node.computed && (node.property as EsNode).type === "AssignmentExpression")
          this.notDurations.add(node.property as EsNode);
        return;
      case "VariableDeclaration":
        this.collectDeclaration(node);
        return;
    }
  }

  private sqlText(node: EsNode): void {
    const [start, end] = span(node);
    // `SET LOCAL lock_timeout = 30000`: judged after the walk (most strings never mention a timeout).
    if (/timeout/i.test(this.source.slice(start, end))) this.sqlTexts.push(node);
  }

  private storedTimer(stored: unknown): void {
    if (isNode(stored) && unwrap(stored).type === "CallExpression") this.storedTimers.add(unwrap(stored));
  }

  private collectDestination(node: EsNode): void {
    // `const bufferTimeout = opts.browserBufferTimeout || 1000`: a destination named like a timeout
    // but judged not one (a pacing delay, an expiry, a flag) decides for its value.
    const destination = destinationOf(node);
    if (!destination || !/timeout/i.test(destination.name)) return;
    if (!this.isTimeout(destination.name)) this.judgedBySite.add(unwrap(destination.value));
    if (POINT_IN_TIME.test(this.text(destination.value))) this.timestampNames.add(destination.name);
  }

  private collectBindings(node: EsNode): void {
    const names = bindingIdentifiers(node);
    for (const id of names) this.bindingCounts.set(id, (this.bindingCounts.get(id) ?? 0) + 1);
    // A parameter hides a block constant of the same name inside its function (resolved after the walk).
    if (names.length > 0 && node.type !== "VariableDeclarator" && node.type !== "CatchClause")
      this.functions.push([node, names]);
  }

  private collectDeclarator(node: EsNode): void {
    const id = node.id as EsNode;
    if (id.type === "Identifier" && isNode(node.init) && TIMER_MODULES.test(requiredModule(node.init) ?? "")) {
      this.timerModules.add(id.name as string);
    }
    this.collectBindings(node);
    if (id.type !== "Identifier" || !isNode(node.init)) return;
    trackRedisClient(this.redisClients, id.name as string, node.init);
    const init = unwrapAwait(node.init);
    if (init.type === "NewExpression" && calleePath(init.callee as EsNode) === "Promise") {
      const [from, to] = span(init);
      this.heldPromises.push({ name: id.name as string, from, to });
    }
  }

  private collectDeclaration(node: EsNode): void {
    if (node.kind !== "const") {
      // `let timeout = 0` starts a variable that is set later: reset state, not a duration.
      for (const declarator of node.declarations as EsNode[]) {
        if (isNode(declarator.init) && isResetValue(declarator.init)) this.notDurations.add(declarator);
      }
      return;
    }
    for (const declarator of node.declarations as EsNode[]) {
      const id = declarator.id as EsNode;
      if (id.type === "Identifier" && isNode(declarator.init) && !this.scopedInits.has(declarator.init)) {
        this.candidates.push({ node: declarator.init, value: Number.NaN, name: id.name as string });
      }
    }
  }

  private collectBlock(node: EsNode): void {
    // `exports.ER_QUERY_TIMEOUT = 3024;` one statement per code: the same table, written as statements.
    for (const site of statementCodeTables(node.body as EsNode[], this.extraTimeoutNames)) this.notDurations.add(site);
    // Each `const` knows its block: a name declared in several blocks resolves to the one in scope.
    let scope: [number, number] | undefined;
    for (const statement of node.body as EsNode[]) {
      if (statement.type !== "VariableDeclaration") continue;
      scope ??= span(node);
      for (const declarator of statement.declarations as EsNode[]) {
        if ((declarator.id as EsNode).type === "Identifier" && isNode(declarator.init)) {
          const name = (declarator.id as EsNode).name as string;
          // `var message = { ... }` in a spec is expected data as much as a `const` (a reassignment is a use).
          this.expected.declare(name, scope, declarator.init, this.noWait.asserts);
          if (statement.kind !== "const") continue;
          this.scopedInits.add(declarator.init);
          this.candidates.push({ node: declarator.init, value: Number.NaN, name, scope });
        }
      }
    }
  }

  /** Listeners (`child.once("exit", exit)`) and fallbacks passed straight to a call. */
  private collectCallFacts(node: EsNode): void {
    const args = node.arguments as EsNode[];
    const callee = unwrap(node.callee as EsNode);
    if (callee.type === "MemberExpression" && LISTENER_METHODS.test(memberName(callee) ?? "") && args[1])
      if (args[1].type === "Identifier") this.listeners.add(args[1].name as string);
    // `Promise.race([op, new Promise((r) => setTimeout(r, 1000))])`: a timer inside an element races the operation.
    if (
      node.type === "CallExpression" &&
      this.raceElements.length > 0 &&
      TIMER_CALLS.test(calleePath(node.callee as EsNode) ?? "") &&
      this.inRace(node)
    )
      this.raceTimers.add(node);
    // `Math.max(defaultTimeout, custom || 0)`, `setTimeout(fn, t || 0)`: arithmetic and timers, not a wait's bound.
    const path = calleePath(callee) ?? "";
    if (/^(Math|Number|String|JSON|console|Object|Array)\./.test(path) || referenceName(callee) === "setTimeout")
      return;
    for (const arg of args) if (unwrap(arg).type === "LogicalExpression") this.passedFallbacks.add(unwrap(arg));
  }

  /**
   * `const timeoutPromise = new Promise((resolve) => setTimeout(() => resolve(null), 2e3))` later raced with an
   * operation (`Promise.race([bodyPromise, timeoutPromise])`): the timer settles the promise that ends the wait.
   */
  racesHeldPromise(timer: EsNode): boolean {
    const [start] = span(timer);
    return this.heldPromises.some(({ name, from, to }) => from <= start && start < to && this.racedNames.has(name));
  }

  /** Whether `node` lies inside an element of a `Promise.race([...])` seen before it (pre-order: its ancestor). */
  private inRace(node: EsNode): boolean {
    const [start] = span(node);
    return this.raceElements.some(([from, to]) => from <= start && start < to);
  }
}

/**
 * `globalDeadlineMs`, `DEFAULT_GLOBAL_DEADLINE_MS`; not `MAX_..._DEADLINE_MS` (a cap) nor an ack deadline
 * (`ackDeadlineSeconds`: a message lease on the server, like SQS's visibility timeout).
 */
const DEADLINE_DURATION = /^(?!max|min)(?!\w*ack_?deadline)\w*deadline_?(ms|millis|milliseconds|seconds|secs)$/i;
