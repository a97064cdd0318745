// A wait's own "no limit" default (eval README, labelling rules): a function or method that IS the wait
// (`acquire(timeout = 0) { ... if (timeout) setTimeout(reject, timeout) }`, `withSession(cb, timeout = 0) { await
// this.acquire(timeout) }`) leaves the bound to its caller; its own 0 is the caller's choice, not a "no limit" the
// code keeps. Python's Redis blocking commands' own `timeout=0` is judged the same way (`python/settings.ts`).
// The evidence is the body: the parameter goes, unchanged, straight into a call that waits with it, and nowhere else
// (not stored on an object, in an object or array, returned, reassigned or handed to `new`). A constructor keeps it.
import { calleePath, type EsNode, FUNCTION_TYPES, isNode, span, unwrap } from "./ast.ts";
import { firesAtOnce } from "./next-tick-delays.ts";
import { walk, type VisitorKeys } from "./walk.ts";
import { declaredDefault, isParam, writtenDefault } from "./written-defaults.ts";

/**
 * One parameter default: its name, the default's span, its function's body, whether the function is async, and the
 * statement that writes it when it is written in the body (`if (timeout == null) timeout = 0`).
 */
type Default = { name: string; value: [number, number]; body: EsNode; async: boolean; written?: EsNode };

/**
 * How a body uses one parameter: stored or changed anywhere, the calls it is handed to (callee, position, argument
 * count), and whether the function itself returns a promise (`return new Promise(...)`), as an `async` one does.
 */
type Use = {
  kept: boolean;
  calls: [callee: string, position: number, count: number][];
  promised: boolean;
  deadline: boolean;
  clocks: Set<string>;
};

/** `Date.now()`, `performance.now()`: a clock read, the start of a deadline. */
const CLOCK_CALL = /^(Date\.now|performance\.now)$/;

/** `return task.promise`, `return this.iceGatheringCompletePromise`: a promise the function made and hands back. */
const PROMISE_NAME = /promise$/i;

/** `function Connection(opts)`: an ES5 constructor, named like a class. */
const CLASS_NAME = /^[A-Z]/;

/** Collected during the one walk; asked by the detector for a default the file shows reaching a wait. */
export class OwnWaitDefaults {
  private readonly defaults: Default[] = [];
  /** Constructors' function nodes (`constructor(timeout = 0)` keeps the value for the object's later waits). */
  private readonly constructors = new Set<EsNode>();
  private readonly uses = new Map<string, Use>();

  node(node: EsNode): void {
    if (node.type === "MethodDefinition" && node.kind === "constructor" && isNode(node.value))
      this.constructors.add(node.value);
    if (!FUNCTION_TYPES.has(node.type) || !isNode(node.body) || this.constructors.has(node)) return;
    const id = isNode(node.id) ? (node.id.name as string | undefined) : undefined;
    if (id !== undefined && CLASS_NAME.test(id)) return;
    const body = node.body as EsNode;
    const async = node.async === true || isPromise(body);
    for (const raw of node.params as EsNode[]) {
      // `{ timeout = 0 } = {}`: the pattern's own default is an empty object.
      const param =
        raw.type === "AssignmentPattern" && isNode(raw.left) && raw.left.type === "ObjectPattern" ? raw.left : raw;
      if (param.type === "AssignmentPattern") this.add(param, body, async);
      else if (param.type === "ObjectPattern")
        // `waitForRecovery(session, { timeout = 0 })`: a destructured option's default.
        for (const property of param.properties as EsNode[])
          if (property.type === "Property" && isNode(property.value) && property.value.type === "AssignmentPattern")
            this.add(property.value, body, async);
      // `async call(name, args, timeout) { if (timeout == null) timeout = 0; ... }`: a default written as a statement.
      if (param.type === "Identifier" && body.type === "BlockStatement")
        for (const statement of body.body as EsNode[]) {
          // Defaults come first: the leading `if`s and declarations only (a long body is not read once per parameter).
          if (statement.type === "VariableDeclaration") {
            // `const timeout = (_timeout == null) ? 0 : _timeout` (ethers' `wait(_confirms, _timeout)`): the default
            // is written into a local the rest of the body uses in the parameter's place.
            for (const declarator of statement.declarations as EsNode[]) {
              const local = declaredDefault(declarator, param.name as string);
              if (local) this.defaults.push({ ...local, body, async, written: declarator });
            }
            continue;
          }
          if (statement.type !== "IfStatement") break;
          const written = writtenDefault(statement, param.name as string);
          if (written)
            this.defaults.push({
              name: param.name as string,
              value: span(written.right as EsNode),
              body,
              async,
              written,
            });
        }
    }
  }

  private add(pattern: EsNode, body: EsNode, async: boolean): void {
    const left = unwrap(pattern.left as EsNode);
    if (left.type === "Identifier")
      this.defaults.push({ name: left.name as string, value: span(pattern.right as EsNode), body, async });
  }

  /**
   * Whether the default holding `value` is the caller's choice: its function hands the parameter unchanged to a call
   * that waits with it (`waits(callee, position, count)`) and does nothing else with it that outlives the call.
   */
  /** Whether `value` is a parameter's default (`acquire(mode, timeout = -1)`): the function's caller chooses. */
  isParameterDefault(value: EsNode): boolean {
    const [at] = span(value);
    return this.defaults.some(({ value: [from, to] }) => from <= at && at < to);
  }

  callersChoice(
    value: EsNode,
    visitorKeys: VisitorKeys | undefined,
    waits: (callee: string, position: number, count: number) => boolean,
  ): boolean {
    const [at] = span(value);
    const found = this.defaults.find(({ value: [from, to] }) => from <= at && at < to);
    if (!found) return false;
    const key = `${span(found.body)[0]}:${found.name}`;
    let use = this.uses.get(key);
    if (!use) this.uses.set(key, (use = usesOf(found, visitorKeys)));
    // A function that arms a timer and returns (@smithy's `setRequestTimeout(req, reject, timeoutInMs = 0)`) bounds
    // a wait made elsewhere: the default is its owner's, kept as reported. The wait is what the caller awaits.
    // `const deadline = Date.now() + timeout` (hypercore's waitForRecovery, arangojs' waitForPropagation): the
    // function bounds its own wait with the value, as it would handing it to a timer.
    if (use.kept || !use.promised || (use.calls.length === 0 && !use.deadline)) return false;
    return use.calls.every(([callee, position, count]) => waits(callee, position, count));
  }

  /** Whether the default holding `value` is a timer's delay its own function arms whatever its value (`next-tick-delays.ts`). */
  firesAtOnce(
    value: EsNode,
    visitorKeys: VisitorKeys | undefined,
    definitions?: ReadonlyMap<string, readonly EsNode[]>,
  ): boolean {
    const [at] = span(value);
    const found = this.defaults.find(({ value: [from, to] }) => from <= at && at < to);
    return found !== undefined && firesAtOnce(found.body, found.name, found.written, visitorKeys, definitions);
  }
}

/** `new Promise(...)`. */
function isPromise(node: EsNode): boolean {
  const value = unwrap(node);
  return value.type === "NewExpression" && calleePath(value.callee as EsNode) === "Promise";
}

/** `task.promise`, `this.readyPromise`: a promise held under a name that says so. */
function isPromiseName(node: EsNode): boolean {
  const value = unwrap(node);
  const last = value.type === "MemberExpression" ? unwrap(value.property as EsNode) : value;
  return last.type === "Identifier" && !value.computed && PROMISE_NAME.test(last.name as string);
}

/**
 * `return new Promise(...)`, `return task.promise`, or the promise handed back with its cancel handle (@smithy's
 * `return { promise, cancel: () => clearTimeout(timeoutId) }`): the caller awaits or races it, so the function is
 * the wait.
 */
function returnsPromise(node: EsNode): boolean {
  if (isPromise(node) || isPromiseName(node)) return true;
  const value = unwrap(node);
  return (
    value.type === "ObjectExpression" &&
    (value.properties as EsNode[]).some(
      (property) =>
        property.type === "Property" &&
        isNode(property.value) &&
        (isPromise(property.value as EsNode) || isPromiseName(property.value as EsNode)),
    )
  );
}

/** `Date.now()`, or a local of the body that holds one (`started`). */
function isClock(node: unknown, clocks: ReadonlySet<string>): boolean {
  if (!isNode(node)) return false;
  const value = unwrap(node);
  if (value.type === "Identifier") return clocks.has(value.name as string);
  return value.type === "CallExpression" && CLOCK_CALL.test(calleePath(value.callee as EsNode) ?? "");
}

/**
 * How the body of `found` uses its parameter, walked in document order with the detector's visitor keys (the statement
 * that writes the default is skipped); a node inside a function nested in the body is `nested`.
 */
function usesOf(found: Default, visitorKeys: VisitorKeys | undefined): Use {
  const use: Use = { kept: false, calls: [], promised: found.async, deadline: false, clocks: new Set() };
  // The ends of the functions the walk is inside: a node that starts past the last one's end is out of it.
  const open: number[] = [];
  walk(found.body, visitorKeys, (node) => {
    if (use.kept || node === found.written) return false;
    const [start, end] = span(node);
    while (open.length > 0 && open.at(-1)! <= start) open.pop();
    record(node, found.name, use, open.length > 0);
    if (FUNCTION_TYPES.has(node.type)) open.push(end);
  });
  return use;
}

/** Records how `node` (inside the body; `nested` inside a function of it) uses the parameter `name`. */
function record(node: EsNode, name: string, use: Use, nested: boolean): void {
  switch (node.type) {
    case "AssignmentExpression":
      // `this.timeout = timeout`, `timeout = timeout || 1000`: stored or changed.
      if (isParam(node.right, name) || isParam(node.left, name)) use.kept = true;
      break;
    case "VariableDeclarator":
      if (isParam(node.init, name)) use.kept = true; // `const t = timeout`: followed no further
      // `const started = Date.now()`: a clock read the deadline is built from.
      if (isNode(node.id) && node.id.type === "Identifier" && isClock(node.init, use.clocks))
        use.clocks.add(node.id.name as string);
      break;
    case "BinaryExpression":
      // `Date.now() + timeout`, `started + timeout`: a deadline for the function's own wait.
      if (node.operator === "+" && isParam(node.left, name) !== isParam(node.right, name))
        if (isClock(isParam(node.left, name) ? node.right : node.left, use.clocks)) use.deadline = true;
      break;
    case "Property":
      if (isParam(node.value, name)) use.kept = true; // `{ timeout }`: an options object someone else reads
      break;
    case "ArrayExpression":
      if ((node.elements as unknown[]).some((element) => isParam(element, name))) use.kept = true;
      break;
    case "ReturnStatement":
      if (!nested && isNode(node.argument) && returnsPromise(node.argument)) use.promised = true;
      if (isParam(node.argument, name)) use.kept = true;
      break;
    case "ArrowFunctionExpression":
      if (isParam(node.body, name)) use.kept = true; // `() => timeout`
      break;
    case "NewExpression":
      if ((node.arguments as unknown[]).some((arg) => isParam(arg, name))) use.kept = true;
      break;
    case "UpdateExpression":
      if (isParam(node.argument, name)) use.kept = true;
      break;
    case "CallExpression": {
      const args = node.arguments as EsNode[];
      const callee = calleePath(node.callee as EsNode);
      for (const [position, arg] of args.entries()) {
        if (!isParam(arg, name)) continue;
        if (callee === undefined) use.kept = true;
        else use.calls.push([callee, position, args.length]);
      }
      break;
    }
  }
}
