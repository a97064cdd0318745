// A local or a parameter handed on under a debounce's key (`quietMillis: ajaxTimeout`, `{ debounce: timeout }`) is
// that debounce's quiet period, but only that binding is: another function's parameter of the same name
// (`fetchConfig(url, timeout = 30000)` calling `axios.get(url, { timeout })`) is its own value. So the name is resolved
// to its declaration in scope, and only that declaration's value is released, and only when the binding is read
// nowhere but under debounce keys (a `TIMEOUT` also given to a request's `timeout` stays a deadline). A debounce's wait
// argument (`debounce(onResize, RESIZE_TIMEOUT)`, `createDebouncedCallback(fn, AGGRID_ON_RESIZE_TIMEOUT)`) and what a
// debounce-named getter returns (`getDebounceTimeout() { return AGGRID_ON_RESIZE_TIMEOUT }`, gooddata's pivot table)
// are handed on as a quiet period too: the callee's or the getter's own name says what the value is.
import {
  calleePath,
  converted,
  type EsNode,
  FUNCTION_TYPES,
  isNode,
  memberName,
  propertyName,
  referenceName,
  span,
  unwrap,
} from "./ast.ts";
import { endsWhenCalled } from "./callback-scope.ts";
import { QUIET_KEY } from "./debounce-windows.ts";
import { mayReadAnimationLength, transitionTimeout } from "./transition-props.ts";
import { walk, type VisitorKeys } from "./walk.ts";

/** Where a debounce's own values are released: ranges where nothing waits, and option fields' names. */
export interface QuietSink {
  /** [start, end) of a released declaration's value. */
  quietIn(range: [number, number]): void;
  /** Names that are a schedule in the file (an option field copied into the released local). */
  readonly schedules: Set<string>;
}

/**
 * Callees that debounce or throttle their first argument by their second (`debounce(fn, wait)`, lodash's, use-debounce's
 * `useDebouncedCallback(fn, delay)`, `throttle(fn, wait)`): the last name of the callee's path.
 */
const DEBOUNCE_CALLEE = /(^|\.)(\w*debounce\w*|\w*throttle\w*)$/i;

/**
 * A debounced function that stops something (`_.debounce(this._stop.bind(this), HUB_HEARTBEAT_TIMEOUT)`, @cardstack/hub's
 * heartbeat watchdog: each heartbeat pushes the stop back, silence for that long stops the hub): the wait is a liveness
 * timeout, not a quiet period.
 */
const STOPS = /stop|disconnect|terminate|expire|time_?out/i;

/** CSS text just before a template's value that makes the value an animation's or a transition's length. */
const CSS_DURATION = /\b(animation|transition)(-duration|-delay)?\s*:[^;{}]*$/;

/** Methods and functions whose name says they give a quiet period (`getDebounceTimeout()`, `throttleWait()`). */
const DEBOUNCE_GETTER = /debounce|throttle/i;

/** One declaration of a name: a parameter or a variable, the function it belongs to, and the value it is given. */
interface Binding {
  readonly name: string;
  /** [start, end) of the function (or the program) the binding is visible in. */
  readonly scope: [number, number];
  /** The parameter's default or the variable's initialiser. */
  readonly value: EsNode | undefined;
}

/** A read of a name: where it is, and whether it is the value of a debounce key. */
interface Read {
  readonly name: string;
  readonly at: number;
  readonly quiet: boolean;
}

/**
 * Releases the declarations whose binding is handed on under a debounce key and read nowhere else: the parameter's
 * default, the variable's initialiser, and the option field the initialiser copies (`parseInt(this.options.ajaxTimeout
 * || 500, 10)`: its defaults-table entry `ajaxTimeout: 500` is the same quiet period).
 */
export function releaseDebounceBindings(
  source: string,
  program: EsNode,
  visitorKeys: VisitorKeys | undefined,
  sink: QuietSink,
): void {
  // Most files hand nothing to a debounce: the walk is skipped unless a key could be one.
  if (!/quiet|debounce|throttle/i.test(source) && !mayReadAnimationLength(source)) return;
  const all = collectNames(program, visitorKeys, source);
  const names = new Set(all.reads.filter((read) => read.quiet).map((read) => read.name));
  if (names.size === 0) return;
  const bindings = all.bindings.filter((binding) => names.has(binding.name));
  const reads = all.reads.filter((read) => names.has(read.name));
  const resolve = (read: Read): Binding | undefined => {
    let best: Binding | undefined;
    for (const binding of bindings)
      if (binding.name === read.name && binding.scope[0] <= read.at && read.at < binding.scope[1])
        if (best === undefined || binding.scope[0] >= best.scope[0]) best = binding;
    return best;
  };
  const resolved = reads.map((read) => ({ read, binding: resolve(read) }));
  const released = new Set<Binding>();
  for (const { read, binding } of resolved) if (read.quiet && binding) released.add(binding);
  for (const { read, binding } of resolved) if (!read.quiet && binding) released.delete(binding);
  for (const binding of released) {
    if (!binding.value) continue;
    sink.quietIn(span(binding.value));
    const field = copiedField(binding.value);
    if (field !== undefined) sink.schedules.add(field);
  }
}

/** `parseInt(this.options.ajaxTimeout || 500, 10)`, `opts.wait ?? 300`: the option field a local copies, if any. */
function copiedField(value: EsNode): string | undefined {
  let node = converted(unwrap(value));
  while (node.type === "LogicalExpression") node = converted(unwrap(node.left as EsNode));
  if (node.type !== "MemberExpression" || node.computed) return undefined;
  const property = node.property as EsNode;
  return property.type === "Identifier" ? (property.name as string) : undefined;
}

/** Every parameter and variable declared by a plain name, and every read of a name, in one walk. */
function collectNames(
  program: EsNode,
  visitorKeys: VisitorKeys | undefined,
  source: string,
): { bindings: Binding[]; reads: Read[] } {
  const bindings: Binding[] = [];
  const reads: Read[] = [];
  // Identifiers that name rather than read: keys, member properties, declared names.
  const naming = new Set<EsNode>();
  const quietValues = new Set<EsNode>();
  const functions: [number, number][] = [];
  // [start, end) of the bodies of debounce-named getters: what they return is a quiet period.
  const getters: [number, number][] = [];
  // `getDebounceTimeout() {...}`, `debounceWait: () => ...`, `const throttleMs = function () {...}`.
  const getter = (fn: unknown): void => {
    if (!isNode(fn) || !FUNCTION_TYPES.has(fn.type) || !isNode(fn.body)) return;
    const body = fn.body as EsNode;
    // `debounceWait: () => WAIT`: an arrow's expression body is what it returns.
    if (body.type === "BlockStatement") getters.push(span(body));
    else quietValues.add(unwrap(body));
  };
  const scopeAt = (at: number): [number, number] => {
    let inner: [number, number] = span(program);
    for (const range of functions) if (range[0] <= at && at < range[1] && range[0] >= inner[0]) inner = range;
    return inner;
  };
  walk(program, visitorKeys, (node) => {
    if (FUNCTION_TYPES.has(node.type)) {
      const scope = span(node);
      functions.push(scope);
      if (isNode(node.id)) naming.add(node.id);
      if (isNode(node.id) && DEBOUNCE_GETTER.test(node.id.name as string)) getter(node);
      for (const param of (node.params as EsNode[] | undefined) ?? []) {
        const plain = param.type === "AssignmentPattern" ? (param.left as EsNode) : param;
        if (plain.type !== "Identifier") continue;
        naming.add(plain);
        const value = param.type === "AssignmentPattern" ? (param.right as EsNode) : undefined;
        bindings.push({ name: plain.name as string, scope, value });
      }
    } else if (node.type === "VariableDeclarator" && (node.id as EsNode).type === "Identifier") {
      const id = node.id as EsNode;
      naming.add(id);
      const value = isNode(node.init) ? node.init : undefined;
      if (DEBOUNCE_GETTER.test(id.name as string)) getter(value);
      bindings.push({ name: id.name as string, scope: scopeAt(span(node)[0]), value });
    } else if (node.type === "MemberExpression" && !node.computed) naming.add(node.property as EsNode);
    else if (node.type === "ObjectExpression") {
      // An animation's length (`{ timeout: DURATION, rippleSize }`): a quiet value like a debounce's.
      const animated = transitionTimeout(node);
      if (animated && isNode(animated)) quietValues.add(unwrap(animated));
    } else if (node.type === "TemplateLiteral") {
      // The same length in the animation's CSS (`animation-duration: ${DURATION}ms;`).
      const quasis = node.quasis as EsNode[];
      (node.expressions as EsNode[]).forEach((expression, i) => {
        const before = (quasis[i]?.value as { raw?: string } | undefined)?.raw ?? "";
        if (CSS_DURATION.test(before)) quietValues.add(unwrap(expression));
      });
    } else if (node.type === "CallExpression" && (node.arguments as EsNode[]).length >= 2) {
      const [debounced, wait] = node.arguments as EsNode[];
      if (DEBOUNCE_CALLEE.test(calleePath(unwrap(node.callee as EsNode)) ?? "") && !stops(debounced!, source))
        quietValues.add(unwrap(wait!));
    } else if (node.type === "ReturnStatement" && isNode(node.argument)) {
      const at = span(node)[0];
      // Only the getter's own return: a function nested in it returns for itself.
      const inner = scopeAt(at);
      if (getters.some(([from, to]) => from <= at && at < to && inner[0] < from))
        quietValues.add(unwrap(node.argument as EsNode));
    } else if (
      (node.type === "Property" || node.type === "PropertyDefinition" || node.type === "MethodDefinition") &&
      !node.computed
    ) {
      if (!node.shorthand) naming.add(node.key as EsNode);
      if (DEBOUNCE_GETTER.test(propertyName(node) ?? "")) getter(node.value);
      const key = node.type === "Property" ? propertyName(node) : undefined;
      if (key !== undefined && QUIET_KEY.test(key) && isNode(node.value)) quietValues.add(unwrap(node.value));
      // `{ debounce }`: key and value may be one node; the value is the read.
      if (node.shorthand && node.key !== node.value) naming.add(node.key as EsNode);
    } else if (node.type === "Identifier" && !naming.has(node))
      reads.push({ name: node.name as string, at: span(node)[0], quiet: quietValues.has(node) });
  });
  return { bindings, reads };
}

/** Whether the debounced function ends something when it finally runs: its body, or its name (`this._stop.bind(this)`). */
function stops(raw: EsNode, source: string): boolean {
  let handed = unwrap(raw);
  const callee = handed.type === "CallExpression" ? unwrap(handed.callee as EsNode) : undefined;
  if (callee?.type === "MemberExpression" && memberName(callee) === "bind") handed = unwrap(callee.object as EsNode);
  return endsWhenCalled(handed, source) || STOPS.test(referenceName(handed) ?? "");
}
