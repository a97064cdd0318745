// A timer whose callback only changes what is shown (session 25, guard-display25): `setTimeout(() =>
// setCopied(false), timeout)` (a "copied" state), `window.setTimeout(this.showBusy, this.props.busyTimeout)` where
// `showBusy = () => this.setState({ busy: true })` (a spinner shown after a pause). When it fires a state flag takes a
// fixed value and the view re-renders; nothing that waits is aborted, rejected, failed or settled. Its delay is a
// display duration (README label rules: "delays that are not deadlines"), like a timer that only logs or forgets.
// Read from what the callback writes, not from UI words: a state setter a React `useState` (or `useReducer`) hands
// out, `setState`, or any `recv.setX(...)` setter, called only with constants (booleans, numbers, strings, `null`,
// objects of them) that say nothing ends (`setStatus("timeout")`, `setState({ timedOut: true })` stay deadlines).
import { calleePath, type EsNode, isFunction, isNode, isNullish, propertyName, referenceName, unwrap } from "./ast.ts";
import { isLog, type Definitions } from "./callback-effects.ts";

/** Words of a setter, a key or a string that say something ends or fails (`callback-effects.ts`' `ENDS`, and errors). */
const ENDS = /time|abort|fail|err|cancel|kill|reject|resolve|settle|result|clos|destroy|expire|stop|exit|quit|end$/i;
/** A setter on an object (`this.setState`, `box.setVisible`), not a timer (`setTimeout`) nor a bare `set(value)`. */
const SETTER = /^set[A-Z_]/;
const TIMER = /^set(Timeout|Interval|Immediate)$/;
/** React's hooks whose second element is a state setter: `const [copied, setCopied] = useState(false)`. */
const STATE_HOOK = /(^|\.)use(State|Reducer)$/;
/** A DOM class change: `el.classList.add("open")`. */
const CLASS_CHANGE = /\.classList\.(add|remove|toggle)$/;
/** A flag's words that say a wait may be over (`this.done = true`, `this.ready = true`): polled, they end a wait. */
const FLAG_ENDS = /done|finish|complet|ready|over$|expir|elapsed|ok$/i;
/** A DOM node detached from its parent (`parent.removeChild(node)`): what is shown changes. */
const DETACH = /\.removeChild$/;
/** Calls that compute or tidy, as `callback-effects.ts`' `PURE` (clearing a timer forgets it). */
const TIDY = /^(clearTimeout|clearInterval|cancelAnimationFrame)$/;

/** How deep the file's own functions a callback calls are followed. */
const MAX_DEPTH = 2;

/** The state setters a file's hooks hand out, collected by its walk (`TimerEffects.declarator`). */
export class StateSetters {
  readonly names = new Set<string>();
  /** Names bound to a hook's call (`var _a = useState(false)`), for a compiled `setCopied = _a[1]`. */
  private readonly hooks = new Set<string>();

  /** `const [copied, setCopied] = useState(false)`, `var _a = useState(0)` then `setCount = _a[1]`. */
  declarator(node: EsNode): void {
    const id = node.id as EsNode;
    const init = isNode(node.init) ? unwrap(node.init as EsNode) : undefined;
    if (!init) return;
    const hook = init.type === "CallExpression" && STATE_HOOK.test(calleePath(init.callee as EsNode) ?? "");
    if (hook && id.type === "ArrayPattern") {
      const setter = (id.elements as (EsNode | null)[])[1];
      if (setter?.type === "Identifier") this.names.add(setter.name as string);
    } else if (hook && id.type === "Identifier") this.hooks.add(id.name as string);
    else if (id.type === "Identifier" && init.type === "MemberExpression" && init.computed) {
      const index = unwrap(init.property as EsNode);
      const object = referenceName(unwrap(init.object as EsNode));
      if (index.type === "Literal" && index.value === 1 && object !== undefined && this.hooks.has(object))
        this.names.add(id.name as string);
    }
  }
}

/**
 * Whether `callback` (a function written in place, or the name or `this.` member of the file's functions, every
 * definition judged) does nothing but change shown state (and log or clear timers), at least once, with constants.
 */
export function onlyShows(callback: EsNode, definitions: Definitions, setters: StateSetters): boolean {
  const seen = new Set<EsNode>();
  let shows = false;
  const quiet = (fn: EsNode, depth: number): boolean => {
    if (seen.has(fn)) return true;
    seen.add(fn);
    if (!isNode(fn.body)) return false;
    const body = fn.body as EsNode;
    return body.type === "BlockStatement" ? statements(body.body as EsNode[], depth) : expression(unwrap(body), depth);
  };
  const statements = (list: EsNode[], depth: number): boolean =>
    list.every((statement) => {
      if (statement.type === "ExpressionStatement") return expression(unwrap(statement.expression as EsNode), depth);
      if (statement.type === "BlockStatement") return statements(statement.body as EsNode[], depth);
      if (statement.type === "ReturnStatement") return !isNode(statement.argument);
      return statement.type === "EmptyStatement";
    });
  const expression = (node: EsNode, depth: number): boolean => {
    if (node.type === "SequenceExpression")
      return (node.expressions as EsNode[]).every((e) => expression(unwrap(e), depth));
    if (node.type === "UnaryExpression" && node.operator === "void")
      return expression(unwrap(node.argument as EsNode), depth);
    // `this.$_popperNode && this.$_detachPopperNode()`: a step taken when a node is there.
    if (node.type === "LogicalExpression" && node.operator === "&&" && read(node.left as EsNode))
      return expression(unwrap(node.right as EsNode), depth);
    // `this.busyTimer = undefined`: the timer's own handle forgotten.
    if (node.type === "AssignmentExpression" && node.operator === "=" && isNullish(unwrap(node.right as EsNode)))
      return true;
    // `this.isMounted = false`: a component's flag set to a constant that says nothing ends.
    if (node.type === "AssignmentExpression") return node.operator === "=" && flag(node) && (shows = true);
    if (node.type !== "CallExpression") return false;
    const path = calleePath(node.callee as EsNode) ?? "";
    const method = path.slice(path.lastIndexOf(".") + 1);
    const args = (node.arguments as EsNode[]).map(unwrap);
    if (isLog(path) || TIDY.test(path)) return true;
    const callee = unwrap(node.callee as EsNode);
    const bare = callee.type === "Identifier";
    const written = args.length > 0 && args.every(constant) && !ENDS.test(method);
    if ((bare && setters.names.has(method)) || (!bare && SETTER.test(method) && !TIMER.test(method))) {
      if (written) shows = true;
      return written;
    }
    if (CLASS_CHANGE.test(path) && args.length > 0 && args.every(constant)) return (shows = true);
    if (DETACH.test(path) && args.length === 1 && read(args[0]!)) return (shows = true);
    // The file's own function, by a bare name or on `this` (`this.showBusy()`): judged by its body.
    const receiver = callee.type === "MemberExpression" ? unwrap(callee.object as EsNode) : undefined;
    const own = bare || receiver?.type === "ThisExpression";
    const called = own && depth < MAX_DEPTH && args.length === 0 ? definitions.get(method) : undefined;
    return called !== undefined && called.length > 0 && called.every((fn) => quiet(fn, depth + 1));
  };
  const fn = unwrap(callback);
  if (isFunction(fn)) return quiet(fn, 0) && shows;
  // `this.showBusy`, `_this.showBusy`, `showBusy`: the file's function of that name.
  const name =
    fn.type === "Identifier" || (fn.type === "MemberExpression" && !fn.computed) ? referenceName(fn) : undefined;
  const named = name === undefined ? undefined : definitions.get(name);
  return named !== undefined && named.length > 0 && named.every((d) => isFunction(d) && quiet(d, 1)) && shows;
}

/** A plain read: a name, a property chain of names (`this.$_popperNode.parentNode`), or its negation. */
function read(raw: EsNode): boolean {
  const node = unwrap(raw);
  if (node.type === "Identifier" || node.type === "ThisExpression") return true;
  if (node.type === "UnaryExpression" && node.operator === "!") return read(node.argument as EsNode);
  return node.type === "MemberExpression" && !node.computed && read(node.object as EsNode);
}

/** `this.isMounted = !1`: an own property (of `this`) set to a constant, named without an end or a wait's outcome. */
function flag(node: EsNode): boolean {
  const target = unwrap(node.left as EsNode);
  if (
    target.type !== "MemberExpression" ||
    target.computed ||
    unwrap(target.object as EsNode).type !== "ThisExpression"
  )
    return false;
  const property = unwrap(target.property as EsNode);
  const name = property.type === "Identifier" ? (property.name as string) : "end";
  return !ENDS.test(name) && !FLAG_ENDS.test(name) && constant(node.right as EsNode);
}

/** A constant that says nothing ends: a literal, `!0`, `void 0`, or an object or array of them. */
function constant(raw: EsNode): boolean {
  const node = unwrap(raw);
  if (node.type === "Literal") return typeof node.value !== "string" || !ENDS.test(node.value);
  if (node.type === "UnaryExpression")
    return /^(!|-|void)$/.test(node.operator as string) && constant(node.argument as EsNode);
  if (node.type === "Identifier") return node.name === "undefined";
  if (node.type === "ArrayExpression")
    return (node.elements as (EsNode | null)[]).every((e) => e !== null && constant(e));
  if (node.type !== "ObjectExpression") return false;
  return (node.properties as EsNode[]).every(
    (p) => p.type === "Property" && !p.computed && !ENDS.test(propertyName(p) ?? "end") && constant(p.value as EsNode),
  );
}
