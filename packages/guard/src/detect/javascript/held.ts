// What a timeout-named field or local holds when its 0, `false` or `Infinity` is no "no limit": a timer's handle, a
// flag, a placeholder that a method overwrites with its input before use, a delay whose timers only run the next step.
import {
  calleePath,
  type EsNode,
  isFunction,
  isNode,
  memberName,
  namesRead,
  propertyName,
  referenceName,
  span,
  unwrap,
} from "./ast.ts";
import { walk } from "./walk.ts";

/** Calls whose last name arms a timer: `setTimeout(fn, ms)`, `timing.setTimeout(fn, ms)`. */
const TIMER_METHOD = /(^|\.)(setTimeout|setInterval)$/;
/** `clearTimeout(handle)`, `timers.clearInterval(handle)`. */
const TIMER_CLEAR = /(^|\.)clear(Timeout|Interval)$/;
const TIMER_FUNCTIONS = /(^|\.)(set|clear)(Timeout|Interval)$/;

/**
 * Words in a timer callback that end or fail a wait (`worker.failedBatch("task_timeout")`, `reject(err)`,
 * `socket.destroy()`, `close()`, `resolve(null)` in a race). A callback with none of them only runs the next
 * step (`self._processNextIfAllowed()`): its delay is a schedule, and Infinity there switches it off.
 */
const ENDS_WAIT =
  /abort|destroy|reject|resolve|fail|cancel|kill|clos|terminat|time[ds]?_?out|err|throw|emit|stop|disconnect|hang_?up|^end$|finish|expire|done|callback|^cb$|^next$|reply|respon|send|exit|quit|watchdog|settle|wake/i;

/**
 * Collected during the one walk (`collect.ts` hands it calls, declarators, assignments and class methods); the
 * detector asks `notADuration`, `placeholder` and `onlySchedules` of a site whose value is 0, `false` or Infinity.
 */
export class HeldValues {
  /** Paths that hold a timer's handle (`this._closeTimeout = setTimeout(...)`, `clearTimeout(this._closeTimeout)`). */
  private readonly handles = new Set<string>();
  /** Paths the file sets to `true` (`checkIsTimeout = true`): flags, whatever they are called. */
  private readonly flags = new Set<string>();
  /**
   * Fields a method overwrites, unconditionally, with what it is given (`_setup(options) { this._queueTimeout =
   * options.queueTimeout }`), with the span of each value written.
   */
  private readonly inputWrites = new Map<string, [number, number][]>();
  /** The callbacks of plain timers armed with a name as (part of) their delay, by name. */
  private readonly timerCallbacks = new Map<string, EsNode[]>();
  /** [start, end) of class constructors. */
  private readonly constructors: [number, number][] = [];
  /** Where each path is written with a computed value (`retryTimeout = this.getRetryTimeout(error)`), by path. */
  private readonly valueWrites = new Map<string, [number, number][]>();

  /** `clearTimeout(this._closeTimeout)`: a handle; `setTimeout(() => next(), this.batchDelayTimeout)`: a timer's callback. */
  call(node: EsNode): void {
    const args = node.arguments as EsNode[];
    const callee = calleePath(node.callee as EsNode) ?? "";
    if (args[0] && TIMER_CLEAR.test(callee)) this.addPaths(this.handles, args[0]);
    if (!TIMER_METHOD.test(callee) || !args[0] || !args[1]) return;
    const callback = unwrap(args[0]);
    if (!isFunction(callback)) return;
    for (const name of namesRead(args[1])) push(this.timerCallbacks, name, callback);
  }

  /** `let checkIsTimeout = false`, `const t = setTimeout(...)`. */
  declarator(node: EsNode): void {
    const id = node.id as EsNode;
    if (id.type === "Identifier" && isNode(node.init)) this.stored(id.name as string, unwrap(node.init));
  }

  /** `x = value`: a timer's handle or a flag stored under a path. */
  assignment(node: EsNode): void {
    const path = calleePath(node.left as EsNode);
    if (path !== undefined && node.operator === "=") this.stored(path, unwrap(node.right as EsNode));
  }

  /**
   * A class method: its constructor's span, and the fields its body overwrites, as a statement of its own, with a
   * value built from its parameters (`this._queueTimeout = options.queueTimeout`).
   */
  method(node: EsNode): void {
    const fn = node.value as EsNode;
    if (node.kind === "constructor") this.constructors.push(span(node));
    const parameters = new Set<string>();
    for (const parameter of (fn.params as EsNode[] | undefined) ?? []) {
      const id = unwrap(parameter.type === "AssignmentPattern" ? (parameter.left as EsNode) : parameter);
      if (id.type === "Identifier") parameters.add(id.name as string);
    }
    if (parameters.size === 0 || !isNode(fn.body) || fn.body.type !== "BlockStatement") return;
    for (const statement of fn.body.body as EsNode[]) {
      if (statement.type !== "ExpressionStatement") continue;
      const expression = unwrap(statement.expression as EsNode);
      const writes = expression.type === "SequenceExpression" ? (expression.expressions as EsNode[]) : [expression];
      for (const write of writes.map(unwrap)) {
        if (write.type !== "AssignmentExpression" || write.operator !== "=") continue;
        const target = write.left as EsNode;
        if (target.type !== "MemberExpression" || unwrap(target.object as EsNode).type !== "ThisExpression") continue;
        const name = memberName(target);
        const value = write.right as EsNode;
        // `this.timeout = options.timeout ?? this.timeout` keeps the old value when none is given: no placeholder.
        if (
          name !== undefined &&
          reads(value, (n) => isParameter(n, parameters)) &&
          !reads(value, (n) => isField(n, name))
        )
          push(this.inputWrites, name, span(value));
      }
    }
  }

  /**
   * The site stores no duration whatever its 0 or `false` says: it writes a timer's handle (`this._closeTimeout =
   * false`, elsewhere `setTimeout(...)` or `clearTimeout(this._closeTimeout)`) or a flag the file also sets to
   * `true` (`let checkIsTimeout = false`). Matched by the whole path, so `group.timeout` holding a handle says
   * nothing of `n.timeout`.
   */
  notADuration(site: EsNode | undefined): boolean {
    const path = site === undefined ? undefined : sitePath(site);
    return path !== undefined && (this.handles.has(path) || this.flags.has(path));
  }

  /**
   * A field's own 0 (`this._queueTimeout = 0` in a constructor, or a class field) that a method overwrites, in
   * another statement, with what it is given before the object is used (`_setup(options) { this._queueTimeout =
   * options.queueTimeout }`): a placeholder, not the library's "no limit".
   */
  placeholder(site: EsNode | undefined): boolean {
    if (site === undefined) return false;
    const [from, to] = span(site);
    const own = site.type === "AssignmentExpression" && sitePath(site)?.startsWith("this.");
    const inConstructor = this.constructors.some(([start, end]) => start <= from && from < end);
    if (!(own && inConstructor) && site.type !== "PropertyDefinition") return false;
    const name = site.type === "PropertyDefinition" ? propertyName(site) : memberName(site.left as EsNode);
    const writes = name === undefined ? undefined : this.inputWrites.get(name);
    return writes !== undefined && writes.some(([start]) => start < from || start >= to);
  }

  /**
   * Every timer the file arms with `name` only runs the next step when it fires (`setTimeout(() =>
   * self._processNextIfAllowed(), self.batchDelayTimeout)`): a delay, not a bound on a wait; its Infinity or 0
   * switches the delay off.
   */
  onlySchedules(name: string | undefined): boolean {
    const callbacks = name === undefined ? undefined : this.timerCallbacks.get(name);
    return callbacks !== undefined && callbacks.every((callback) => !endsWait(callback));
  }

  /**
   * `var retryTimeout = false` (or `this.connect_timeout = false`), later filled with a computed value and tested
   * before use (`if (retry && retryTimeout)`): "not set yet". A `false` is never a duration, and it is never read.
   */
  falseSlot(site: EsNode | undefined, value: EsNode, tested: (name: string) => boolean): boolean {
    const stored =
      site?.type === "VariableDeclarator" ? site.init : site?.type === "AssignmentExpression" && site.right;
    if (!site || !isNode(stored) || unwrap(stored) !== value || value.value !== false) return false;
    const path = sitePath(site);
    const writes = path === undefined ? undefined : this.valueWrites.get(path);
    const [from, to] = span(site);
    const outside = writes?.some(([start]) => start < from || start >= to) ?? false;
    return outside && tested(path!.slice(path!.lastIndexOf(".") + 1));
  }

  private stored(path: string, value: EsNode): void {
    if (value.type === "Literal" && value.value === true) this.flags.add(path);
    else if (value.type === "CallExpression" && TIMER_METHOD.test(calleePath(value.callee as EsNode) ?? ""))
      this.handles.add(path);
    else if (value.type !== "Literal") push(this.valueWrites, path, span(value));
  }

  /** `this._closeTimeout || undefined`: the paths an expression reads. */
  private addPaths(set: Set<string>, raw: EsNode): void {
    const node = unwrap(raw);
    if (node.type === "LogicalExpression")
      for (const side of [node.left, node.right]) this.addPaths(set, side as EsNode);
    const path = node.type === "Identifier" || node.type === "MemberExpression" ? calleePath(node) : undefined;
    if (path !== undefined) set.add(path);
  }
}

/** The path a site writes: `this._closeTimeout` for `this._closeTimeout = false`, `t` for `let t = false`. */
function sitePath(site: EsNode): string | undefined {
  if (site.type === "AssignmentExpression") return calleePath(site.left as EsNode);
  if (site.type === "VariableDeclarator" && (site.id as EsNode).type === "Identifier")
    return (site.id as EsNode).name as string;
  const name = site.type === "PropertyDefinition" ? propertyName(site) : undefined;
  return name === undefined ? undefined : `this.${name}`;
}

function isParameter(node: EsNode, parameters: ReadonlySet<string>): boolean {
  return node.type === "Identifier" && parameters.has(node.name as string);
}

function isField(node: EsNode, name: string): boolean {
  return (
    node.type === "MemberExpression" &&
    unwrap(node.object as EsNode).type === "ThisExpression" &&
    memberName(node) === name
  );
}

/** Whether `raw` reads something `matches` (`options.queueTimeout` reads `options`), within a small budget. */
function reads(raw: EsNode, matches: (node: EsNode) => boolean): boolean {
  let found = false;
  let budget = 64;
  walk(raw, undefined, (node) => {
    if (found || budget-- <= 0) return;
    found = matches(node);
  });
  return found;
}

/**
 * Whether a timer's callback may end or fail a wait: what it calls (`worker.failedBatch(...)`, `reject(err)`,
 * `new Error(...)`), the strings it passes (`"task_timeout"`), a flag it raises (`timedOut = true`), a throw. A
 * callback passed by name counts as one. Clearing or arming timers is bookkeeping.
 */
function endsWait(callback: EsNode): boolean {
  if (callback.type !== "ArrowFunctionExpression" && callback.type !== "FunctionExpression") return true;
  let ends = false;
  let budget = 400;
  walk(callback, undefined, (node) => {
    if (ends) return;
    if (budget-- <= 0 || node.type === "ThrowStatement") ends = true;
    else if (node.type === "CallExpression" || node.type === "NewExpression") {
      const callee = unwrap(node.callee as EsNode);
      const name = callee.type === "MemberExpression" ? memberName(callee) : referenceName(callee);
      ends = name === undefined || (!TIMER_FUNCTIONS.test(name) && ENDS_WAIT.test(name));
    } else if (node.type === "Literal" && typeof node.value === "string") ends = ENDS_WAIT.test(node.value);
    else if (node.type === "AssignmentExpression") {
      const raised = unwrap(node.right as EsNode);
      const name = referenceName(node.left as EsNode) ?? "";
      ends = raised.type === "Literal" && raised.value === true && ENDS_WAIT.test(name);
    }
  });
  return ends;
}

function push<T>(map: Map<string, T[]>, name: string, value: T): void {
  const list = map.get(name);
  if (list) list.push(value);
  else map.set(name, [value]);
}
