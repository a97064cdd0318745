// A call's own "no limit" defaults (eval README, "A wait's own "no limit" default"): a function that builds its
// options afresh on every call, from its own defaults and what its caller passed, leaves the bound to the caller.
// node-imagemagick's `exec2(file, args, options)` starts from `var options = { timeout: 0, ... }`, copies the caller's
// `arguments[2][k]` over it and arms its kill timer only `if (options.timeout > 0)`; its `convert(args, timeout)`
// writes `timeout = 0` when the caller gave none. Each 0 is this call's default, rebuilt per call: not a "no limit"
// that an object keeps for waits it makes later. The evidence is the shape, not a name:
// - a local object literal of the function (a top-level `var`/`let`/`const`) that the body merges the caller's values
//   into (`L[k] = ...`, `Object.assign(L, ...)`, or a parameter spread into the literal); or a parameter a top-level
//   `if` rewrites to 0 (`convert`'s) whose every read only decides a branch (`if (timeout > 0)`), flows back into
//   itself (`timeout = parseInt(timeout)`) or fills a field of a local object literal the body hands to a call
//   (`procopt.timeout = timeout; return exec2(..., procopt)`): the 0 never leaves the call. The same rewrite whose
//   value arms a timer (`_guard`'s `this.guardTimer = setTimeout(..., timeout)`) or reaches a method
//   (`socket.setTimeout(timeout)`, `_idle`) stays reported (corpus `own-wait-locals23.js`);
// - nothing keeps it past the call: it is not stored on `this` or on a variable from outside the function, nor
//   handed to `new`, and the function is no constructor (`constructor(...)`, `function Client(...)`).
import { calleePath, type EsNode, FUNCTION_TYPES, isNode, span, unwrap } from "./ast.ts";
import { walk, type VisitorKeys } from "./walk.ts";
import { isParam } from "./written-defaults.ts";

/** `function Connection(opts)`: an ES5 constructor, named like a class. */
const CLASS_NAME = /^[A-Z]/;

type Candidate = { node: EsNode; from: number; to: number; params: Set<string> };

/** Collected during the one walk: the functions whose body may hold a per-call default; asked per reported 0. */
export class PerCallDefaults {
  private readonly functions: Candidate[] = [];
  private readonly constructors = new Set<EsNode>();

  node(node: EsNode): void {
    if (node.type === "MethodDefinition" && node.kind === "constructor" && isNode(node.value))
      this.constructors.add(node.value);
    if (!FUNCTION_TYPES.has(node.type) || !isNode(node.body) || node.body.type !== "BlockStatement") return;
    if (this.constructors.has(node)) return;
    const id = isNode(node.id) ? (node.id.name as string | undefined) : undefined;
    if (id !== undefined && CLASS_NAME.test(id)) return;
    const params = new Set<string>();
    for (const param of node.params as EsNode[]) if (param.type === "Identifier") params.add(param.name as string);
    const [from, to] = span(node.body as EsNode);
    this.functions.push({ node, from, to, params });
  }

  /** Whether `value` (a reported "no limit") is a default its function rebuilds on every call and keeps nowhere. */
  isPerCall(value: EsNode, visitorKeys: VisitorKeys | undefined): boolean {
    const [at, end] = span(value);
    let inner: Candidate | undefined;
    for (const candidate of this.functions)
      if (candidate.from <= at && end <= candidate.to && (!inner || candidate.from >= inner.from)) inner = candidate;
    if (!inner) return false;
    const body = inner.node.body as EsNode;
    const statements = body.body as EsNode[];
    const table = tableHolding(statements, at, end);
    if (table) {
      const merged = table.spread.some((name) => inner.params.has(name)) || mergesInto(body, table.name, visitorKeys);
      return merged && !kept(body, table.name, locals(statements, inner.params), visitorKeys);
    }
    return rewrittenParam(body, statements, inner.params, value, visitorKeys);
  }
}

/** The body's top-level names (its parameters and declarations): objects made for this call. */
function locals(statements: readonly EsNode[], params: ReadonlySet<string>): Set<string> {
  const names = new Set(params);
  for (const statement of statements)
    if (statement.type === "VariableDeclaration")
      for (const declarator of statement.declarations as EsNode[])
        if ((declarator.id as EsNode).type === "Identifier") names.add((declarator.id as EsNode).name as string);
  return names;
}

/** `var options = { timeout: 0, ...opts }` at the body's top level whose property holds [at, end): its name and spreads. */
function tableHolding(
  statements: readonly EsNode[],
  at: number,
  end: number,
): { name: string; spread: string[] } | undefined {
  for (const statement of statements) {
    if (statement.type !== "VariableDeclaration") continue;
    for (const declarator of statement.declarations as EsNode[]) {
      const id = declarator.id as EsNode;
      if (id.type !== "Identifier" || !isNode(declarator.init)) continue;
      const init = unwrap(declarator.init);
      if (init.type !== "ObjectExpression") continue;
      const properties = init.properties as EsNode[];
      const holds = properties.some((property) => {
        if (property.type !== "Property" || !isNode(property.value)) return false;
        const [from, to] = span(unwrap(property.value));
        return from <= at && end <= to;
      });
      if (!holds) continue;
      const spread = properties
        .filter((property) => property.type === "SpreadElement" && isNode(property.argument))
        .map((property) => unwrap(property.argument as EsNode))
        .filter((argument) => argument.type === "Identifier")
        .map((argument) => argument.name as string);
      return { name: id.name as string, spread };
    }
  }
  return undefined;
}

/** `L[k] = other[k]`, `Object.assign(L, options)`: the caller's values copied over the table's defaults. */
function mergesInto(body: EsNode, name: string, visitorKeys: VisitorKeys | undefined): boolean {
  let found = false;
  walk(body, visitorKeys, (node) => {
    if (found) return false;
    if (node.type === "AssignmentExpression" && isNode(node.left)) {
      const left = unwrap(node.left);
      if (left.type === "MemberExpression" && left.computed === true && isParam(left.object, name)) found = true;
    }
    if (node.type === "CallExpression" && calleePath(node.callee as EsNode) === "Object.assign")
      if (isParam((node.arguments as EsNode[])[0], name)) found = true;
  });
  return found;
}

/** Whether the body keeps `name` past the call: on `this`, in a variable from outside, or handed to `new`. */
function kept(body: EsNode, name: string, locals: ReadonlySet<string>, visitorKeys: VisitorKeys | undefined): boolean {
  let found = false;
  walk(body, visitorKeys, (node) => {
    if (found) return false;
    if (node.type === "AssignmentExpression" && isParam(node.right, name)) {
      let root = unwrap(node.left as EsNode);
      while (root.type === "MemberExpression") root = unwrap(root.object as EsNode);
      if (root.type === "ThisExpression" || (root.type === "Identifier" && !locals.has(root.name as string)))
        found = true;
    }
    if (node.type === "NewExpression" && (node.arguments as unknown[]).some((arg) => isParam(arg, name))) found = true;
  });
  return found;
}

/** The enclosing node of every node under `root` (nested functions included). */
function parents(root: EsNode, visitorKeys: VisitorKeys | undefined): Map<EsNode, EsNode> {
  const up = new Map<EsNode, EsNode>();
  walk(root, visitorKeys, (node) => {
    for (const child of Object.values(node)) {
      if (Array.isArray(child)) for (const item of child) if (isNode(item)) up.set(item, node);
      if (isNode(child)) up.set(child, node);
    }
  });
  return up;
}

const TESTED = new Set(["IfStatement", "ConditionalExpression", "WhileStatement", "DoWhileStatement", "ForStatement"]);

/** `if (!timeout) timeout = 0;` at the body's top level, then read only in tests, into itself or into a local table. */
function rewrittenParam(
  body: EsNode,
  statements: readonly EsNode[],
  params: ReadonlySet<string>,
  value: EsNode,
  visitorKeys: VisitorKeys | undefined,
): boolean {
  const [at, end] = span(value);
  const leading = statements.find((s) => s.type === "IfStatement" && span(s)[0] <= at && end <= span(s)[1]);
  if (!leading) return false;
  const up = parents(body, visitorKeys);
  const rewrite = up.get(value);
  if (!rewrite || rewrite.type !== "AssignmentExpression" || rewrite.operator !== "=" || rewrite.right !== value)
    return false;
  const left = unwrap(rewrite.left as EsNode);
  if (left.type !== "Identifier" || !params.has(left.name as string)) return false;
  const name = left.name as string;
  const tables = new Set<string>();
  for (const statement of statements)
    if (statement.type === "VariableDeclaration")
      for (const declarator of statement.declarations as EsNode[])
        if ((declarator.id as EsNode).type === "Identifier" && isNode(declarator.init))
          if (unwrap(declarator.init).type === "ObjectExpression") tables.add((declarator.id as EsNode).name as string);
  const names = locals(statements, params);
  let ok = true;
  walk(body, visitorKeys, (node) => {
    if (!ok) return false;
    if (node.type !== "Identifier" || node.name !== name) return;
    const parent = up.get(node);
    if (!parent) return;
    if (parent.type === "AssignmentExpression" && parent.left === node) return;
    if (parent.type === "MemberExpression" && parent.property === node && parent.computed !== true) return;
    if (parent.type === "Property" && parent.key === node && parent.shorthand !== true) return;
    // `callback = timeout` beside the rewrite: the optional arguments shifted, the value was not a limit.
    const [from, to] = span(node);
    const shifted = parent.type === "AssignmentExpression" && parent.right === node && span(leading)[0] <= from;
    if (shifted && to <= span(leading)[1] && isParamName(parent.left, params, name)) return;
    if (!readStaysHere(node, up, name, tables, (table) => !kept(body, table, names, visitorKeys))) ok = false;
  });
  return ok;
}

/** A read that decides a branch, flows back into `name`, or fills `L.k` of a local table nothing keeps. */
function readStaysHere(
  read: EsNode,
  up: ReadonlyMap<EsNode, EsNode>,
  name: string,
  tables: ReadonlySet<string>,
  unkept: (table: string) => boolean,
): boolean {
  const parent = up.get(read);
  if (parent?.type === "AssignmentExpression" && parent.right === read && parent.operator === "=") {
    const target = unwrap(parent.left as EsNode);
    if (target.type === "MemberExpression" && target.computed !== true) {
      const object = unwrap(target.object as EsNode);
      if (object.type === "Identifier" && tables.has(object.name as string)) return unkept(object.name as string);
    }
  }
  let child = read;
  for (let node = up.get(read); node; child = node, node = up.get(node)) {
    if (TESTED.has(node.type) && node.test === child) return true;
    if (node.type === "AssignmentExpression") return isParam(node.left, name);
    if (node.type === "CallExpression" && unwrap(node.callee as EsNode).type === "Identifier") continue;
    if (["BinaryExpression", "LogicalExpression", "UnaryExpression", "ParenthesizedExpression"].includes(node.type))
      continue;
    if (node.type === "SequenceExpression" || node.type === "TSAsExpression") continue;
    return false;
  }
  return false;
}

/** Another parameter of the function (`callback` in `callback = timeout`). */
function isParamName(node: unknown, params: ReadonlySet<string>, name: string): boolean {
  if (!isNode(node)) return false;
  const target = unwrap(node);
  return target.type === "Identifier" && target.name !== name && params.has(target.name as string);
}
