// A call's own "no limit" defaults (eval README, "A wait's own "no limit" default"): a function that builds its
// options afresh on every call, from its own defaults and what its caller passed, leaves the bound to the caller.
// node-imagemagick's `exec2(file, args, options)` starts from `var options = { timeout: 0, ... }`, copies the caller's
// `arguments[2][k]` over it and arms its kill timer only `if (options.timeout > 0)`; its `convert(args, timeout)`
// writes `timeout = 0` when the caller gave none. Each 0 is this call's default, rebuilt per call: not a "no limit"
// that an object keeps for waits it makes later. The evidence is the shape, not a name:
// - a local object literal of the function (a top-level `var`/`let`/`const`) that the body merges the caller's values
//   into (`L[k] = ...`, `Object.assign(L, ...)`, or a parameter spread into the literal). A parameter a leading `if`
//   rewrites to 0 (`convert`'s) is left reported: the same shape arms a timer whose handle the object keeps
//   (corpus `own-wait-locals23.js`'s `_guard`) or hands the 0 to a socket's idle timer (`_idle`);
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
    return false;
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
