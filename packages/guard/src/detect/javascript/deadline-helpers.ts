// Helpers that bound a wait by a duration they are handed: a function whose parameter is the delay of a timer that
// ends or fails the operation when it fires (steam-user's `onceTimeout(ms, emitter, event, handler)`, a test's
// `withTimeout(promise, ms)` that races a timer). A call of such a helper with a literal in that position is a
// timeout, wherever the parameter sits and whatever the helper is called: the parameter is followed into the body,
// not the name. A helper known only by name (defined in a library the package imports) is a timeout helper when its
// name says it makes a promise that times out (`timeoutPromise(p, 15 * 1000)`, `timeoutCallbackPromise(10000, ...)`).
import { calleePath, type EsNode, isNode, namesRead, span, unwrap } from "./ast.ts";
import { ClockDeadlines } from "./clock-deadlines.ts";
import { SpanTree } from "./function-spans.ts";
import { isInjectedTimer, TIMER_CALLS } from "./timers.ts";

/** Helper name → positions of the parameters a deadline timer's delay reads. */
export type HelperParameters = ReadonlyMap<string, ReadonlySet<number>>;

/** A promise helper named for a timeout it applies (`timeoutPromise`, `timeoutCallbackPromise`). */
const TIMEOUT_PROMISE = /^timeout\w*Promise$/;

/**
 * A helper named for an abort signal or controller that fires after the one duration it is given (`timeoutSignal(ms)`,
 * a ponyfill of `AbortSignal.timeout`; @zombienet/utils' `TimeoutAbortController(seconds)`, called from
 * @zombienet/orchestrator, fresh382): the signal aborts whatever it is handed to.
 */
const TIMEOUT_SIGNAL = /^(?:create|make|new)?[Tt]imeout(?:Abort)?(?:Signal|Controller)$/;

/** A function with parameters: its span, its parameters' names by position (a destructured one is `undefined`). */
type Fn = { from: number; to: number; params: (string | undefined)[]; node: EsNode };

/** Collected during the one walk: functions, the names they are declared under, timers armed with a parameter. */
export class DeadlineHelpers {
  private readonly functions: Fn[] = [];
  /** Each function node's name (`function onceTimeout(`, `exports.onceTimeout = function`, a method, a property). */
  private readonly names = new Map<EsNode, string>();
  /** Timer calls whose delay reads exactly one name (`setTimeout(fail, ms)`, `setTimeout(cb, secs * 1000)`). */
  private readonly timers: { node: EsNode; name: string }[] = [];
  /** Helper name → positions of the parameters that reach a deadline timer's delay (after `finish`). */
  readonly parameters = new Map<string, Set<number>>();
  /** Helper name → the functions of that name that are helpers (after `finish`). */
  private readonly helperNodes = new Map<string, Set<EsNode>>();
  /** Calls by the callee's last name (`createTimeout(10000, new RpcError("... timed out"))`): what callers hand. */
  private readonly calls = new Map<string, EsNode[]>();

  /** Bounds the file's functions keep by the clock (`if (Date.now() - start > timeout) reject(...)`). */
  readonly clock: ClockDeadlines;

  constructor(
    private readonly source: string,
    functionSpans: readonly [number, number][],
  ) {
    this.clock = new ClockDeadlines(source, functionSpans);
  }

  function(node: EsNode): void {
    const params = ((node.params as EsNode[] | undefined) ?? []).map((raw) => {
      const param = unwrap(raw.type === "AssignmentPattern" ? (raw.left as EsNode) : raw);
      return param.type === "Identifier" ? (param.name as string) : undefined;
    });
    for (const [index, name] of compiledParameters(node)) params[index] ??= name;
    if (params.some((name) => name !== undefined)) this.functions.push({ ...spanOf(node), params, node });
  }

  /** `function f(`, `const f = () =>`, `exports.f = function`, `f(ms) {}` (a method or property): the name of `fn`. */
  definition(name: string | undefined, fn: unknown): void {
    if (name === undefined || !isNode(fn)) return;
    const node = unwrap(fn);
    if (/^(FunctionDeclaration|FunctionExpression|ArrowFunctionExpression)$/.test(node.type))
      this.names.set(node, name);
  }

  call(node: EsNode): void {
    if (node.type !== "CallExpression") return;
    const path = calleePath(node.callee as EsNode) ?? "";
    const args = node.arguments as EsNode[];
    const last = /[\w$]+$/.exec(path)?.[0];
    if (last !== undefined && args.length > 1) {
      const known = this.calls.get(last);
      if (known) known.push(node);
      else this.calls.set(last, [node]);
    }
    if (!(TIMER_CALLS.test(path) || isInjectedTimer(path, args)) || !args[1]) return;
    const read = namesRead(args[1]);
    if (read.length === 1 && unwrap(args[1]).type !== "MemberExpression") this.timers.push({ node, name: read[0]! });
  }

  /**
   * Once every fact is known: the helpers whose parameter is the delay of a timer `endsWait` judges a deadline, or
   * the bound the body compares with the time spent (`clock-deadlines.ts`). The innermost function declaring the
   * name as a parameter owns it (an inner one hides an outer one).
   */
  finish(endsWait: (timer: EsNode, within: [number, number]) => boolean): void {
    const tree = new SpanTree(this.functions);
    for (const { node, name } of this.timers) {
      const owner = tree.around(span(node)[0]).find((fn) => fn.params.includes(name));
      const helper = owner && this.names.get(owner.node);
      if (owner === undefined || helper === undefined) continue;
      if (!endsWait(node, [owner.from, owner.to]) && !this.rejectsHandedTimeout(node, owner, helper)) continue;
      this.add(helper, owner, name);
    }
    this.clock.finish();
    for (const { at, name } of this.clock.bounds()) {
      if (name === undefined) continue;
      const owner = tree.around(at).find((fn) => fn.params.includes(name));
      const helper = owner && this.names.get(owner.node);
      if (owner !== undefined && helper !== undefined) this.add(helper, owner, name);
    }
  }

  private add(helper: string, owner: Fn, name: string): void {
    const positions = this.parameters.get(helper) ?? new Set<number>();
    positions.add(owner.params.indexOf(name));
    this.parameters.set(helper, positions);
    this.helperNodes.set(helper, (this.helperNodes.get(helper) ?? new Set()).add(owner.node));
  }

  /**
   * `function createTimeout(ms, error) { ... setTimeout(() => reject(error), ms) ... }` (@lcdev/ws-rpc): the timer
   * rejects with an error its helper is handed (or one built from a message it is handed), and a call of the helper in
   * this file hands one that says it timed out (`createTimeout(10000, new RpcError("Connecting ... timed out"))`,
   * `this.timeoutPromise(2e3, "Init timeout")`): the callers say the rejection is a deadline's.
   */
  private rejectsHandedTimeout(timer: EsNode, owner: Fn, helper: string): boolean {
    const callback = (timer.arguments as EsNode[])[0];
    if (callback === undefined) return false;
    const [from, to] = span(callback);
    // `reject(error)`, or `reject(new Error(message))` (@testdino/playwright's `timeoutPromise(ms, message)`, fresh390).
    const handed = /\breject\s*\(\s*(?:new\s+[\w$.]*Error\s*\(\s*)?([\w$]+)\s*\)/.exec(
      this.source.slice(from, to),
    )?.[1];
    const position = handed === undefined ? -1 : owner.params.indexOf(handed);
    if (position < 0) return false;
    return (this.calls.get(helper) ?? []).some((call) => {
      const arg = (call.arguments as EsNode[])[position];
      return arg !== undefined && /time[ds]?[\s_-]?out/i.test(this.source.slice(...span(arg)));
    });
  }

  /**
   * The file defines `name` more often than as a helper: a minified bundle's `c` is a different function in each
   * module (yarn's bundle calls React's error formatter `c(188)` beside a `c` that arms a deadline), so a call of the
   * name says nothing of which one runs.
   */
  ambiguous(name: string): boolean {
    let defined = 0;
    for (const value of this.names.values()) if (value === name) defined++;
    return defined > (this.helperNodes.get(name)?.size ?? 0);
  }

  /** [start, end) of the functions the file defines under that name. */
  spansNamed(name: string): [number, number][] {
    const spans: [number, number][] = [];
    for (const [node, defined] of this.names) if (defined === name) spans.push(span(node));
    return spans;
  }

  /** Whether the file defines a function of that name (its body decides, not its name). */
  defines(name: string): boolean {
    for (const defined of this.names.values()) if (defined === name) return true;
    return false;
  }
}

/**
 * The arguments of a call that are a helper's timeout: at the positions where the file's helper of that name (or,
 * for a callee imported from the package's own modules, `imported`: another file's) hands its parameter to a
 * deadline timer; for a helper defined elsewhere and named for a promise that times out, every
 * argument, and for one named for a signal that times out, its one argument (the caller reports those that evaluate
 * to a duration).
 */
export function helperTimeouts(
  helpers: DeadlineHelpers,
  called: string,
  args: readonly EsNode[],
  imported?: HelperParameters,
): EsNode[] {
  const own = helpers.parameters.get(called);
  if (own && helpers.ambiguous(called)) return [];
  const positions = own ?? imported?.get(called);
  if (positions) return [...positions].flatMap((index) => (args[index] ? [args[index]] : []));
  if (helpers.defines(called)) return [];
  if (TIMEOUT_PROMISE.test(called) && args.length >= 2) return [...args];
  if (TIMEOUT_SIGNAL.test(called) && args.length === 1) return [args[0]!];
  return [];
}

/**
 * `let timeout = arguments.length > 1 && arguments[1] !== undefined ? arguments[1] : 120 * 1000`: Babel's compiled
 * default of a parameter after the first, declared in the body. Position → the name it is declared under.
 */
function compiledParameters(node: EsNode): [number, string][] {
  const body = isNode(node.body) && node.body.type === "BlockStatement" ? (node.body.body as EsNode[]) : [];
  const found: [number, string][] = [];
  for (const statement of body.slice(0, 8)) {
    if (statement.type !== "VariableDeclaration") break;
    for (const declarator of statement.declarations as EsNode[]) {
      const id = declarator.id as EsNode;
      const init = isNode(declarator.init) ? unwrap(declarator.init) : undefined;
      if (id.type !== "Identifier" || init?.type !== "ConditionalExpression") continue;
      const taken = unwrap(init.consequent as EsNode);
      const object = taken.type === "MemberExpression" ? unwrap(taken.object as EsNode) : undefined;
      const index = taken.computed === true && isNode(taken.property) ? unwrap(taken.property).value : undefined;
      if (object?.type === "Identifier" && object.name === "arguments" && typeof index === "number")
        found.push([index, id.name as string]);
    }
  }
  return found;
}

function spanOf(node: EsNode): { from: number; to: number } {
  const [from, to] = span(node);
  return { from, to };
}
