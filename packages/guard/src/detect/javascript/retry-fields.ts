// Retry delays handed as a field of an options object: a function of the package that reads a parameter's field only
// as the delay of a timer whose callback calls the function again (sauce-connect-launcher's `tryRun(count,
// retryOptions, fn, callback)`: `setTimeout(function () { tryRun(count + 1, retryOptions, fn, callback) },
// retryOptions.timeout)`). That field is the pause between two tries: nothing is bounded by it, whatever it is called.
// The package pass (`package-facts.ts`) finds such functions (`retryFieldsOf`); a caller's object literal at that
// position, or a local object only handed there, has its field judged a pause (`retryFieldRanges`), and so has a local
// read nowhere else (`defaultConnectRetryTimeout = 2000` in `timeout: options.x || defaultConnectRetryTimeout`). A timer
// whose callback aborts or rejects the try is a deadline, not a retry: its callback does not call the function again.
import { type EsNode, isNode, span, unwrap } from "./ast.ts";
import { TIMER_CALLS } from "./timers.ts";

/** Function name → `i.k`: its parameter at position `i` is read as `p.k` only as the delay of a timer that retries it. */
export type RetryFields = ReadonlyMap<string, ReadonlySet<string>>;

/** A file worth walking for one: it arms a timer whose delay is a field (`}, retryOptions.timeout)`). */
export const MIGHT_RETRY_WITH_FIELD = /\bsetTimeout\s*\([^]*?\}\s*,\s*[\w$]+\.[\w$]+\s*\)/;

const FUNCTION = /^(FunctionDeclaration|FunctionExpression|ArrowFunctionExpression)$/;

function isFunction(node: EsNode): boolean {
  return FUNCTION.test(node.type);
}

type Visit = (node: EsNode, parent: EsNode | undefined, key: string) => void;

function walk(node: EsNode, visit: Visit, parent?: EsNode, key = ""): void {
  visit(node, parent, key);
  for (const [childKey, value] of Object.entries(node)) {
    if (childKey === "parent") continue;
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) walk(item as EsNode, visit, node, childKey);
    } else if (isNode(value)) walk(value as EsNode, visit, node, childKey);
  }
}

/** The name a function is declared under (`function F(`, `const F = function`, `module.exports = function F(`). */
function declaredName(node: EsNode, parent: EsNode | undefined): string | undefined {
  const id = node.id as EsNode | null | undefined;
  if (id?.type === "Identifier") return id.name as string;
  if (parent?.type === "VariableDeclarator" && (parent.id as EsNode).type === "Identifier")
    return (parent.id as EsNode).name as string;
  return undefined;
}

/** `F(...)`: whether `node` is a call of the plain name `name`. */
function callsName(node: EsNode, name: string): boolean {
  const call = unwrap(node);
  const callee = call.type === "CallExpression" ? unwrap(call.callee as EsNode) : undefined;
  return callee?.type === "Identifier" && callee.name === name;
}

/** A timer callback whose body only calls `name` again (`function () { F(n + 1, o) }`, `() => F(n + 1, o)`). */
function onlyRetries(callback: EsNode, name: string): boolean {
  const fn = unwrap(callback);
  if (!isFunction(fn) || !isNode(fn.body)) return false;
  const body = fn.body as EsNode;
  if (body.type !== "BlockStatement") return callsName(body, name);
  const statements = body.body as EsNode[];
  if (statements.length !== 1) return false;
  const only = statements[0]!;
  if (only.type === "ExpressionStatement") return callsName(only.expression as EsNode, name);
  return only.type === "ReturnStatement" && isNode(only.argument) && callsName(only.argument as EsNode, name);
}

/** The functions of a file that read a parameter's field only as the delay of a timer that calls them again. */
export function retryFieldsOf(program: EsNode): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  walk(program, (node, parent) => {
    if (!isFunction(node) || !isNode(node.body)) return;
    const name = declaredName(node, parent);
    if (name === undefined) return;
    const params = ((node.params as EsNode[] | undefined) ?? []).map((p) =>
      p.type === "Identifier" ? (p.name as string) : undefined,
    );
    // Every read `p.k` of a parameter field, and those that are a retrying timer's delay.
    const reads = new Map<string, number>();
    const delays = new Set<string>();
    walk(node.body as EsNode, (inner) => {
      if (inner.type === "MemberExpression" && !inner.computed) {
        const object = unwrap(inner.object as EsNode);
        const index = object.type === "Identifier" ? params.indexOf(object.name as string) : -1;
        if (index >= 0) {
          const field = `${index}.${(inner.property as EsNode).name as string}`;
          reads.set(field, (reads.get(field) ?? 0) + 1);
        }
      }
      if (inner.type !== "CallExpression" || (inner.callee as EsNode).type !== "Identifier") return;
      if (!TIMER_CALLS.test((inner.callee as EsNode).name as string)) return;
      const [callback, delay] = inner.arguments as EsNode[];
      if (!callback || !delay || !onlyRetries(callback, name)) return;
      const read = unwrap(delay);
      if (read.type !== "MemberExpression" || read.computed) return;
      const object = unwrap(read.object as EsNode);
      const index = object.type === "Identifier" ? params.indexOf(object.name as string) : -1;
      if (index >= 0) delays.add(`${index}.${(read.property as EsNode).name as string}`);
    });
    for (const field of delays) {
      // Read elsewhere too (`p.timeout` also arms a deadline, or is logged): not only a pause.
      if (reads.get(field) !== 1) continue;
      const fields = found.get(name) ?? new Set<string>();
      fields.add(field);
      found.set(name, fields);
    }
  });
  return found;
}

/** A relative module specifier (`./try_run`, `../lib/retry`): the package's own code. */
const RELATIVE = /^\.\.?\//;

function keyName(property: EsNode): string | undefined {
  const key = property.key as EsNode;
  if (property.computed) return undefined;
  if (key.type === "Identifier") return key.name as string;
  return key.type === "Literal" && typeof key.value === "string" ? key.value : undefined;
}

/**
 * The spans of a file's values that are a pause between tries of a package function `fields` knows: the field of an
 * object literal (or of a local object only handed there) at that position of a call of the function (declared in
 * the file, or bound from a relative `require`/`import`), and the initialisers of locals read only in those fields.
 */
export function retryFieldRanges(program: EsNode, fields: RetryFields | undefined): [number, number][] {
  if (fields === undefined || fields.size === 0) return [];
  const own = new Set<string>();
  const calls: EsNode[] = [];
  const references = new Map<string, EsNode[]>();
  const declarators = new Map<string, { init: EsNode; exported: boolean }>();
  const parents = new Map<EsNode, EsNode>();
  walk(program, (node, parent, key) => {
    if (parent) parents.set(node, parent);
    if (node.type === "ImportDeclaration" && RELATIVE.test(String((node.source as EsNode).value)))
      for (const spec of node.specifiers as EsNode[]) own.add((spec.local as EsNode).name as string);
    if (node.type === "FunctionDeclaration" && (node.id as EsNode | null)?.type === "Identifier")
      own.add((node.id as EsNode).name as string);
    if (node.type === "VariableDeclarator" && (node.id as EsNode).type === "Identifier" && isNode(node.init)) {
      const name = (node.id as EsNode).name as string;
      const init = unwrap(node.init as EsNode);
      const argument = init.type === "CallExpression" ? (init.arguments as EsNode[])[0] : undefined;
      if (
        init.type === "CallExpression" &&
        (init.callee as EsNode).type === "Identifier" &&
        (init.callee as EsNode).name === "require" &&
        argument?.type === "Literal" &&
        RELATIVE.test(String(argument.value))
      )
        own.add(name);
      const declaration = parents.get(parent!);
      declarators.set(name, { init: node.init as EsNode, exported: declaration?.type === "ExportNamedDeclaration" });
    }
    if (node.type === "CallExpression" && (node.callee as EsNode).type === "Identifier") calls.push(node);
    if (node.type !== "Identifier") return;
    // A reference: not a declared name, a property's key or a member's property.
    if (parent?.type === "VariableDeclarator" && key === "id") return;
    if ((parent?.type === "MemberExpression" && key === "property" && !parent.computed) || key === "key") return;
    const list = references.get(node.name as string) ?? [];
    list.push(node);
    references.set(node.name as string, list);
  });
  const ranges: [number, number][] = [];
  const handed = new Set<EsNode>();
  const retried: { call: EsNode; index: number; field: string }[] = [];
  for (const call of calls) {
    const name = (call.callee as EsNode).name as string;
    if (!own.has(name)) continue;
    for (const entry of fields.get(name) ?? []) {
      const [index, field] = [Number(entry.slice(0, entry.indexOf("."))), entry.slice(entry.indexOf(".") + 1)];
      const arg = (call.arguments as EsNode[])[index];
      if (arg === undefined) continue;
      if (arg.type === "Identifier") handed.add(arg);
      retried.push({ call, index, field });
    }
  }
  const pause = (object: EsNode, field: string) => {
    if (object.type !== "ObjectExpression") return;
    for (const property of object.properties as EsNode[])
      if (property.type === "Property" && keyName(property) === field) ranges.push(span(property.value as EsNode));
  };
  for (const { call, index, field } of retried) {
    const arg = unwrap((call.arguments as EsNode[])[index]!);
    if (arg.type === "ObjectExpression") pause(arg, field);
    if (arg.type !== "Identifier") continue;
    // `var retryOptions = { retries: 2, timeout: 10 }` handed only to such calls, at such a position.
    const local = declarators.get(arg.name as string);
    const uses = references.get(arg.name as string) ?? [];
    if (local && !local.exported && uses.every((use) => handed.has(use))) pause(unwrap(local.init), field);
  }
  // `defaultConnectRetryTimeout = 2000` read only in such fields: a pause too.
  const inside = (node: EsNode) => {
    const [at] = span(node);
    return ranges.some(([from, to]) => from <= at && at < to);
  };
  for (const [name, { init, exported }] of declarators) {
    const uses = references.get(name) ?? [];
    if (!exported && uses.length > 0 && uses.every(inside)) ranges.push(span(init));
  }
  return ranges;
}
