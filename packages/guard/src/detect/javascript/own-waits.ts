// A wait's own "no limit" default (eval README, labelling rules): a function or method that IS the wait
// (`acquire(timeout = 0) { ... if (timeout) setTimeout(reject, timeout) }`, `withSession(cb, timeout = 0) { await
// this.acquire(timeout) }`) leaves the bound to its caller; its own 0 is the caller's choice, not a "no limit" the
// code keeps. Python decides the same in `python/settings.ts` (a function that is not a constructor keeps nothing).
// The evidence is the body: the parameter goes, unchanged, straight into a call that waits with it, and nowhere else
// (not stored on an object, in an object or array, returned, reassigned or handed to `new`). A constructor keeps it.
import { calleePath, type EsNode, FUNCTION_TYPES, isNode, MAX_DEPTH, span, unwrap } from "./ast.ts";

/** One parameter default: its name, the default's span, its function's body, and whether the function is async. */
type Default = { name: string; value: [number, number]; body: EsNode; async: boolean };

/**
 * How a body uses one parameter: stored or changed anywhere, the calls it is handed to (callee, position), and whether
 * the function itself returns a promise (`return new Promise(...)`), as an `async` one does.
 */
type Use = { kept: boolean; calls: [string, number][]; promised: boolean };

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
    }
  }

  private add(pattern: EsNode, body: EsNode, async: boolean): void {
    const left = unwrap(pattern.left as EsNode);
    if (left.type === "Identifier")
      this.defaults.push({ name: left.name as string, value: span(pattern.right as EsNode), body, async });
  }

  /**
   * Whether the default holding `value` is the caller's choice: its function hands the parameter unchanged to a call
   * that waits with it (`waits(callee, position)`) and does nothing else with it that outlives the call.
   */
  callersChoice(value: EsNode, waits: (callee: string, position: number) => boolean): boolean {
    const [at] = span(value);
    const found = this.defaults.find(({ value: [from, to] }) => from <= at && at < to);
    if (!found) return false;
    const key = `${span(found.body)[0]}:${found.name}`;
    let use = this.uses.get(key);
    if (!use) {
      use = { kept: false, calls: [], promised: found.async };
      visit(found.body, found.name, use, 0, false);
      this.uses.set(key, use);
    }
    // A function that arms a timer and returns (@smithy's `setRequestTimeout(req, reject, timeoutInMs = 0)`) bounds
    // a wait made elsewhere: the default is its owner's, kept as reported. The wait is what the caller awaits.
    if (use.kept || !use.promised || use.calls.length === 0) return false;
    return use.calls.every(([callee, position]) => waits(callee, position));
  }
}

/** `new Promise(...)`. */
function isPromise(node: EsNode): boolean {
  const value = unwrap(node);
  return value.type === "NewExpression" && calleePath(value.callee as EsNode) === "Promise";
}

/** Whether `node` is the parameter itself (through parentheses and `as` casts). */
function isParam(node: unknown, name: string): boolean {
  return isNode(node) && unwrap(node).type === "Identifier" && unwrap(node).name === name;
}

/** Records how `node` (inside the body; `nested` inside a function of it) uses the parameter `name`. */
function visit(node: EsNode, name: string, use: Use, depth: number, nested: boolean): void {
  if (use.kept) return;
  if (depth > MAX_DEPTH) {
    use.kept = true; // too deep to be sure: keep reporting
    return;
  }
  switch (node.type) {
    case "AssignmentExpression":
      // `this.timeout = timeout`, `timeout = timeout || 1000`: stored or changed.
      if (isParam(node.right, name) || isParam(node.left, name)) use.kept = true;
      break;
    case "VariableDeclarator":
      if (isParam(node.init, name)) use.kept = true; // `const t = timeout`: followed no further
      break;
    case "Property":
      if (isParam(node.value, name)) use.kept = true; // `{ timeout }`: an options object someone else reads
      break;
    case "ArrayExpression":
      if ((node.elements as unknown[]).some((element) => isParam(element, name))) use.kept = true;
      break;
    case "ReturnStatement":
      if (!nested && isNode(node.argument) && isPromise(node.argument)) use.promised = true;
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
        else use.calls.push([callee, position]);
      }
      break;
    }
  }
  const inner = nested || FUNCTION_TYPES.has(node.type);
  for (const [key, child] of Object.entries(node)) {
    if (key === "type" || key === "start" || key === "end" || key === "range" || key === "loc") continue;
    if (Array.isArray(child)) {
      for (const item of child) if (isNode(item)) visit(item, name, use, depth + 1, inner);
    } else if (isNode(child)) visit(child, name, use, depth + 1, inner);
  }
}
