// Option defaults a function only writes into text (session 42, fresh123): httpsnippet's code generators take
// `{ timeout = 30 } = options` (PHP cURL) or `opts = { timeout: 10, ...options }` (Objective-C) and write the value
// into the snippet they return (`timeoutInterval:${opts.timeout.toFixed(1)}`, `{ name: 'CURLOPT_TIMEOUT', value:
// timeout }` rendered as `${name} => ${value}`). Nothing in the package waits on it: the number is text for another
// program. Decided by every read of the option in its function, never by the name: each one is interpolated into a
// template literal (through a conversion such as `toFixed`, `parseInt` or arithmetic), tested (`if (opts.timeout)`,
// `timeout > 0`), or the value of a name/value record whose name is a timeout option's string. One read that goes
// anywhere else (a call's argument, an object handed on, `opts` passed whole or spread) keeps the default a timeout,
// unless it is passed whole to a function of the file that never reads the key off it (@zudoku/httpsnippet's
// `literalDeclaration("parameters", postData.jsonObj, opts)`, which reads only `opts.indent` and `opts.pretty`, also
// through the functions it hands `opts` on to: fresh361).
import { type EsNode, FUNCTION_TYPES, isNode, propertyName, span, unwrap } from "./ast.ts";
import { walk, type VisitorKeys } from "./walk.ts";

/** A timeout option's name. */
const TIMEOUT_KEY = /time_?out/i;
/** A name/value record's name that says which timeout option it sets (`'CURLOPT_TIMEOUT'`). */
const TIMEOUT_OPTION = /TIME_?OUT/;
/** Comparisons: a test of the option, not a use of its duration (an order against a number: `timeout > 0`). */
const TESTS = /^([<>]=?|[!=]==?)$/;
const ORDER = /^[<>]=?$/;
/** Calls that turn a number into another number or text on its way into a template. */
const CONVERSIONS = /^(parseInt|parseFloat|Number|String|Math\.\w+)$/;

/** How a read of the option ends up. */
type Read = "written" | "tested" | "other";

/** Collected during the walk (`candidate`), judged once it is over (`finish`). */
export class WrittenOptions {
  private readonly properties: EsNode[] = [];

  /** A property named like a timeout (`{ timeout = 30 } = options`, `{ timeout: 10, ...options }`). */
  candidate(property: EsNode): void {
    if (!TIMEOUT_KEY.test(propertyName(property) ?? "")) return;
    // Only a number written there (`timeout: 10`, `timeout = 30`): most such properties hand a name on.
    const value = property.value as EsNode;
    const written = value.type === "AssignmentPattern" ? (value.right as EsNode) : value;
    if (isNumber(written)) this.properties.push(property);
  }

  /** The sites (a `Property` or a default's `AssignmentPattern`) of option defaults only written as text. */
  finish(program: EsNode, source: string, visitorKeys: VisitorKeys | undefined): EsNode[] {
    // Most files name no timeout option, or write no template with a value in it: no second walk.
    if (this.properties.length === 0 || !source.includes("${")) return [];
    const parents = new Map<EsNode, EsNode>();
    // By name: a bundle has many defaults and many identifiers, and each default asks only about its own name.
    const identifiers = new Map<string, EsNode[]>();
    walk(program, visitorKeys, (node) => {
      for (const child of children(node)) parents.set(child, node);
      if (node.type !== "Identifier") return;
      const named = identifiers.get(node.name as string);
      if (named) named.push(node);
      else identifiers.set(node.name as string, [node]);
    });
    const found: EsNode[] = [];
    const functions = fileFunctions(program);
    for (const candidate of this.properties.flatMap((p) => defaults(p, parents))) {
      const reads = readsOf(candidate, identifiers, parents, functions);
      if (reads === undefined || reads.length === 0) continue;
      const kinds = reads.map((read) => readKind(read, parents));
      if (kinds.includes("other") || !kinds.includes("written")) continue;
      found.push(...candidate.sites);
    }
    return found;
  }
}

/** A default: a destructured `{ timeout = 30 }` (`local`) or a `timeout: 10` of an object bound to `holder`. */
interface Candidate {
  sites: EsNode[];
  /** The function the default is written in: its reads are looked for there. */
  scope: [number, number];
  local?: EsNode;
  holder?: EsNode;
  key?: string;
}

function defaults(property: EsNode, parents: Map<EsNode, EsNode>): Candidate[] {
  const parent = parents.get(property);
  const fn = ownerFunction(property, parents);
  if (!parent || !fn) return [];
  const scope = span(fn);
  const value = property.value as EsNode;
  if (parent.type === "ObjectPattern" && value.type === "AssignmentPattern" && isNumber(value.right as EsNode)) {
    const left = value.left as EsNode;
    return left.type === "Identifier" ? [{ sites: [property, value], scope, local: left }] : [];
  }
  if (parent.type !== "ObjectExpression" || !isNumber(value)) return [];
  const declarator = parents.get(parent);
  const id = declarator?.type === "VariableDeclarator" ? (declarator.id as EsNode) : undefined;
  if (id?.type !== "Identifier" || declarator!.init !== parent) return [];
  return [{ sites: [property], scope, holder: id, key: propertyName(property) }];
}

/** The reads of the option: the local's names, or `holder.key`; undefined when the holder is read any other way. */
function readsOf(
  candidate: Candidate,
  identifiers: ReadonlyMap<string, EsNode[]>,
  parents: Map<EsNode, EsNode>,
  functions: ReadonlyMap<string, EsNode>,
): EsNode[] | undefined {
  const reads: EsNode[] = [];
  const name = (candidate.local ?? candidate.holder)!.name as string;
  const [from, to] = candidate.scope;
  for (const id of identifiers.get(name) ?? []) {
    if (id === candidate.local || id === candidate.holder || naming(id, parents)) continue;
    const at = span(id)[0];
    if (at < from || at >= to) continue;
    if (candidate.local) {
      reads.push(id);
      continue;
    }
    const member = parents.get(id);
    if (member?.type === "CallExpression" && ignoresKey(member, id, candidate.key!, identifiers, parents, functions))
      continue;
    if (member?.type !== "MemberExpression" || member.object !== id || member.computed) return undefined;
    if (memberKey(member) === candidate.key) reads.push(member);
  }
  return reads;
}

/** The file's functions by the name they are declared or stored under (`function f`, `const f = (...) => ...`). */
function fileFunctions(program: EsNode): Map<string, EsNode> {
  const functions = new Map<string, EsNode>();
  const add = (id: EsNode | null | undefined, fn: EsNode | null | undefined) => {
    if (id?.type === "Identifier" && fn && FUNCTION_TYPES.has(unwrap(fn).type))
      functions.set(id.name as string, unwrap(fn));
  };
  for (const statement of program.body as EsNode[]) {
    const declaration =
      statement.type === "ExportNamedDeclaration" ? (statement.declaration as EsNode | null) : statement;
    if (declaration?.type === "FunctionDeclaration") add(declaration.id as EsNode, declaration);
    if (declaration?.type === "VariableDeclaration")
      for (const declarator of declaration.declarations as EsNode[])
        add(declarator.id as EsNode, declarator.init as EsNode | null);
  }
  return functions;
}

/**
 * Whether `call` hands `argument` whole to a top-level function of the file that never reads `key` off it: each
 * mention of its parameter there is a member other than `key`, or an argument handed on to such a function in turn.
 */
function ignoresKey(
  call: EsNode,
  argument: EsNode,
  key: string,
  identifiers: ReadonlyMap<string, EsNode[]>,
  parents: Map<EsNode, EsNode>,
  functions: ReadonlyMap<string, EsNode>,
  seen = new Set<EsNode>(),
): boolean {
  const callee = unwrap(call.callee as EsNode);
  const fn = callee.type === "Identifier" ? functions.get(callee.name as string) : undefined;
  const index = (call.arguments as EsNode[]).indexOf(argument);
  const param = fn && index >= 0 ? (fn.params as EsNode[])[index] : undefined;
  if (!fn || param?.type !== "Identifier") return false;
  if (seen.has(fn)) return true;
  seen.add(fn);
  const [from, to] = span(fn);
  for (const id of identifiers.get(param.name as string) ?? []) {
    const at = span(id)[0];
    if (id === param || at < from || at >= to || naming(id, parents)) continue;
    const parent = parents.get(id);
    if (parent?.type === "MemberExpression" && parent.object === id && !parent.computed) {
      if (memberKey(parent) === key) return false;
    } else if (parent?.type !== "CallExpression" || !ignoresKey(parent, id, key, identifiers, parents, functions, seen))
      return false;
  }
  return true;
}

/** Where one read goes: into a template literal, into a test, or elsewhere. */
function readKind(read: EsNode, parents: Map<EsNode, EsNode>): Read {
  let node = read;
  for (let parent = parents.get(node); parent; node = parent, parent = parents.get(node)) {
    if (parent.type === "TemplateLiteral") return "written";
    if (parent.type === "BinaryExpression" && TESTS.test(parent.operator as string)) {
      // `timeout > 0` tests the option; `Date.now() - start < timeoutMs` holds a wait's time against it, a bound
      // (@blinkdotnew/sdk's `waitForReady`, whose error message also writes it out: fresh265).
      const other = (parent.left === node ? parent.right : parent.left) as EsNode;
      return ORDER.test(parent.operator as string) && !isNumber(unwrap(other)) ? "other" : "tested";
    }
    if ((parent.type === "IfStatement" || parent.type === "ConditionalExpression") && parent.test === node)
      return "tested";
    if (parent.type === "Property" && parent.value === node) return namesTimeoutOption(parents.get(parent));
    // `opts.timeout.toFixed(1)`, `parseInt(opts.timeout, 10)`, `timeout * 1000`: still the option's value.
    if (parent.type === "MemberExpression" && parent.object === node) continue;
    if (parent.type === "CallExpression" && (parent.callee === node || conversion(parent))) continue;
    if (parent.type === "BinaryExpression" || parent.type === "UnaryExpression") continue;
    if (parent.type === "ChainExpression" || parent.type === "TSNonNullExpression") continue;
    return "other";
  }
  return "other";
}

/** `{ name: 'CURLOPT_TIMEOUT', value: timeout }`: a record of an option table written out as text later. */
function namesTimeoutOption(object: EsNode | undefined): Read {
  if (object?.type !== "ObjectExpression") return "other";
  const named = (object.properties as EsNode[]).some((p) => {
    const value = p.type === "Property" ? unwrap(p.value as EsNode) : undefined;
    return value?.type === "Literal" && typeof value.value === "string" && TIMEOUT_OPTION.test(value.value);
  });
  return named ? "written" : "other";
}

function conversion(call: EsNode): boolean {
  const callee = call.callee as EsNode;
  const path =
    callee.type === "Identifier"
      ? (callee.name as string)
      : callee.type === "MemberExpression" && (callee.object as EsNode).type === "Identifier"
        ? `${(callee.object as EsNode).name as string}.${memberKey(callee) ?? ""}`
        : "";
  return CONVERSIONS.test(path);
}

/** An identifier that names a key or a member, not the variable (`{ timeout: 1 }`'s key, `x.timeout`). */
function naming(id: EsNode, parents: Map<EsNode, EsNode>): boolean {
  const parent = parents.get(id);
  if (parent?.type === "MemberExpression") return parent.property === id && !parent.computed;
  // A shorthand `{ timeout }` reads the variable through its value; its key (a node of its own) only names the key.
  if (parent?.type === "Property") return parent.key === id && parent.value !== id && !parent.computed;
  return false;
}

function memberKey(member: EsNode): string | undefined {
  const property = member.property as EsNode;
  return property.type === "Identifier" ? (property.name as string) : undefined;
}

function isNumber(node: EsNode): boolean {
  const value = unwrap(node);
  if (value.type === "UnaryExpression" && value.operator === "-") return isNumber(value.argument as EsNode);
  return value.type === "Literal" && typeof value.value === "number";
}

function ownerFunction(node: EsNode, parents: Map<EsNode, EsNode>): EsNode | undefined {
  for (let parent = parents.get(node); parent; parent = parents.get(parent))
    if (FUNCTION_TYPES.has(parent.type)) return parent;
  return undefined;
}

function children(node: EsNode): EsNode[] {
  const out: EsNode[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === "parent" || key === "loc" || key === "range") continue;
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) out.push(item as EsNode);
    } else if (isNode(value)) out.push(value as EsNode);
  }
  return out;
}
