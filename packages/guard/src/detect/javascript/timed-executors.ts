// A request made inside a promise executor whose own timer settles that promise (@phygrid/hub-client's online check,
// fresh407: `new Promise((resolve) => { const t = setTimeout(() => resolve({ isOnline: false }), timeoutMs);
// axios.get(url).then(...).finally(() => clearTimeout(t)) })`). The request itself has no timeout, but whoever awaits
// the promise waits at most the timer's delay: the wait is bounded, by that timer. Only a timer armed by the executor
// itself counts (one armed in the request's `.then` only delays the answer).
import { calleePath, type EsNode, FUNCTION_TYPES, isNode, span, unwrap } from "./ast.ts";

/**
 * A promise executor: its span, its resolve and reject names, the timer calls written as its own statements, and the
 * callbacks of those that settle it (a request inside one is made when the timer fires, not raced by it).
 */
type Executor = { from: number; to: number; settle: string[]; top: Set<EsNode>; settling: [number, number][] };

/** `setTimeout`, `window.setTimeout`, `globalThis.setTimeout`, `global.setTimeout`. */
const TIMER = /^(?:(?:window|globalThis|global)\.)?setTimeout$/;

/** Collected during a walk (pre-order); asked once it is over. */
export class TimedExecutors {
  private readonly executors: Executor[] = [];
  /**
   * The functions open at the walk's position, outermost first (the walk is pre-order: a function is seen before
   * anything in it), so a timer's innermost function is the top once those that ended before it are closed.
   */
  private readonly open: [number, number][] = [];

  constructor(private readonly source: string) {}

  node(node: EsNode): void {
    const [start] = span(node);
    while (this.open.length > 0 && this.open.at(-1)![1] <= start) this.open.pop();
    if (FUNCTION_TYPES.has(node.type)) this.open.push(span(node));
    if (node.type === "NewExpression" && calleePath(node.callee as EsNode) === "Promise") {
      const executor = (node.arguments as EsNode[])[0];
      const fn = executor && unwrap(executor);
      if (!fn || !FUNCTION_TYPES.has(fn.type)) return;
      const settle = (fn.params as EsNode[]).flatMap((param) =>
        param.type === "Identifier" ? [param.name as string] : [],
      );
      if (settle.length > 0)
        this.executors.push({ from: span(fn)[0], to: span(fn)[1], settle, top: topLevelCalls(fn), settling: [] });
      return;
    }
    if (node.type !== "CallExpression" || this.executors.length === 0) return;
    if (!TIMER.test(calleePath(node.callee as EsNode) ?? "")) return;
    const [callback, delay] = node.arguments as EsNode[];
    if (!callback || !delay) return;
    const executor = this.innermost();
    // Armed whatever happens, as a statement of its own (not `timeout ? setTimeout(...) : null`, ctrip-apollo's
    // optional fetch timer, fresh383, which a 0 leaves unarmed).
    if (executor?.top.has(node) && this.settles(callback, executor.settle)) executor.settling.push(span(callback));
  }

  /** Whether the offset `at` lies in an executor whose own timer settles its promise. */
  bounds(at: number): boolean {
    return this.executors.some(
      ({ from, to, settling }) =>
        settling.length > 0 &&
        from <= at &&
        at < to &&
        // node-tado-client's `setTimeout(() => { axios({...}).then(resolve) }, interval)` (fresh382): the timer makes
        // the request when it fires; it bounds nothing.
        !settling.some(([start, end]) => start <= at && at < end),
    );
  }

  /** The executor whose function is the innermost function open at the walk's position, if it is one. */
  private innermost(): Executor | undefined {
    const inner = this.open.at(-1);
    return inner && this.executors.findLast(({ from, to }) => from === inner[0] && to === inner[1]);
  }

  /** `resolve`, `reject`, or a callback that calls one of them. */
  private settles(callback: EsNode, settle: readonly string[]): boolean {
    const value = unwrap(callback);
    if (value.type === "Identifier") return settle.includes(value.name as string);
    if (!FUNCTION_TYPES.has(value.type)) return false;
    const [from, to] = span(value);
    const text = this.source.slice(from, to);
    return settle.some((name) => new RegExp(`(?<![\\w$.])${name.replace(/\$/g, "\\$")}\\s*\\(`).test(text));
  }
}

/** The timer calls an executor's body makes as statements of its own: `setTimeout(...)`, `const t = setTimeout(...)`. */
function topLevelCalls(fn: EsNode): Set<EsNode> {
  const calls = new Set<EsNode>();
  const body = fn.body as EsNode;
  if (body.type !== "BlockStatement") {
    calls.add(unwrap(body));
    return calls;
  }
  for (const statement of body.body as EsNode[]) {
    if (statement.type === "ExpressionStatement") {
      const expression = unwrap(statement.expression as EsNode);
      calls.add(expression.type === "AssignmentExpression" ? unwrap(expression.right as EsNode) : expression);
    } else if (statement.type === "VariableDeclaration")
      for (const declarator of statement.declarations as EsNode[])
        if (isNode(declarator.init)) calls.add(unwrap(declarator.init));
  }
  return calls;
}
