// Interval periods handed as a field of an options object: a method of the package that reads a parameter's field
// only as the period of an interval running a round (bitcore-wallet-client's `subscribe(params)`: `const { timeout }
// = params; setInterval(async () => { ...one round of the session poll... }, timeout || 1000)`, documented "Timeout in
// milliseconds for the subscription to check for new messages"). That field says how often, not how long: a caller's
// `tss.subscribe({ timeout: 10 })` (its tests, fresh323) bounds nothing, whatever the field is called. The package
// pass (`package-facts.ts`) finds such methods (`pacedFieldsOf`); `pacedFieldRanges` marks the callers' fields.
import { calleePath, type EsNode, FUNCTION_TYPES, isNode, propertyName, span, unwrap } from "./ast.ts";
import { paces } from "./no-wait-calls.ts";

/** Method or function name → `i.k`: its parameter at `i` is read as field `k` only as a pacing interval's period. */
export type PacedFields = ReadonlyMap<string, ReadonlySet<string>>;

/** A file worth walking for one: it arms an interval. */
export const MIGHT_PACE_WITH_FIELD = /\bsetInterval\s*\(/;

/** `setInterval`, `window.setInterval`, `globalThis.setInterval`. */
const INTERVAL = /^(?:(?:globalThis|window|global|timers)\.)?setInterval$/;

/** The most functions one file's pass looks into (a bundle's thousands are not where an API keeps its options). */
const MAX_FUNCTIONS = 2000;

/** The functions of a file that read a parameter's field only as the period of an interval that runs a round. */
export function pacedFieldsOf(program: EsNode, source: string): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  let seen = 0;
  visit(program, undefined, (node, parent) => {
    if (!FUNCTION_TYPES.has(node.type) || !isNode(node.body) || ++seen > MAX_FUNCTIONS) return;
    const name = functionName(node, parent);
    if (name === undefined) return;
    for (const field of periodFields(node, source)) {
      const fields = found.get(name) ?? new Set<string>();
      fields.add(field);
      found.set(name, fields);
    }
  });
  return found;
}

/** `function F(`, `const F = function`/`=>`, a class's `F(params) {}`, an object's `F: function`/`F(params) {}`. */
function functionName(node: EsNode, parent: EsNode | undefined): string | undefined {
  const id = node.id as EsNode | null | undefined;
  if (id?.type === "Identifier") return id.name as string;
  if (parent?.type === "VariableDeclarator" && (parent.id as EsNode).type === "Identifier")
    return (parent.id as EsNode).name as string;
  if (parent?.type === "MethodDefinition" || parent?.type === "Property") return propertyName(parent);
  return undefined;
}

/** The fields (`i.k`) of `fn`'s parameters read once, as the period of a pacing interval of its own body. */
function periodFields(fn: EsNode, source: string): string[] {
  // Each local or member that stands for a field: `params.timeout`, `const { timeout } = params`, `({ timeout })`.
  const fieldOf = new Map<string, string>();
  const declared = new Set<EsNode>();
  const params = fn.params as EsNode[];
  params.forEach((raw, index) => {
    const param = raw.type === "AssignmentPattern" ? (raw.left as EsNode) : raw;
    if (param.type === "Identifier") fieldOf.set(`param:${param.name as string}`, String(index));
    else if (param.type === "ObjectPattern") destructured(param, String(index), fieldOf, declared);
  });
  if (fieldOf.size === 0) return [];
  const reads = new Map<string, number>();
  const periods: string[] = [];
  visit(fn.body as EsNode, undefined, (node, parent, key) => {
    if (node.type === "VariableDeclarator" && (node.id as EsNode).type === "ObjectPattern" && isNode(node.init)) {
      const init = unwrap(node.init as EsNode);
      const index = init.type === "Identifier" ? fieldOf.get(`param:${init.name as string}`) : undefined;
      if (index !== undefined) destructured(node.id as EsNode, index, fieldOf, declared);
    }
    const field = declared.has(node) ? undefined : fieldRead(node, parent, key, fieldOf);
    if (field !== undefined) reads.set(field, (reads.get(field) ?? 0) + 1);
    if (node.type !== "CallExpression" || !INTERVAL.test(calleePath(unwrap(node.callee as EsNode)) ?? "")) return;
    const [callback, delay] = node.arguments as EsNode[];
    if (!callback || !delay || !FUNCTION_TYPES.has(unwrap(callback).type)) return;
    if (!paces(text(source, callback), text(source, delay))) return;
    const period = unwrap(delay);
    const read = fieldRead(
      period.type === "LogicalExpression" ? unwrap(period.left as EsNode) : period,
      undefined,
      "",
      fieldOf,
    );
    if (read !== undefined) periods.push(read);
  });
  // Read anywhere else too (also a deadline's delay, logged, handed on): not only a period.
  return periods.filter((field) => reads.get(field) === 1);
}

/** `{ timeout, iterHandler }` of parameter `index`: each local stands for its field (its declaration is no read). */
function destructured(pattern: EsNode, index: string, fieldOf: Map<string, string>, declared: Set<EsNode>): void {
  for (const property of pattern.properties as EsNode[]) {
    if (property.type !== "Property" || property.computed) continue;
    const key = propertyName(property);
    let value = property.value as EsNode;
    if (value.type === "AssignmentPattern") value = value.left as EsNode;
    declared.add(property.key as EsNode);
    if (key === undefined || value.type !== "Identifier") continue;
    fieldOf.set(`local:${value.name as string}`, `${index}.${key}`);
    declared.add(value);
  }
}

/** The field a node reads: a local standing for one, or `param.k`. */
function fieldRead(
  node: EsNode,
  parent: EsNode | undefined,
  key: string,
  fieldOf: ReadonlyMap<string, string>,
): string | undefined {
  if (node.type === "Identifier") {
    // A key or a member's property names, it does not read.
    if ((parent?.type === "Property" || parent?.type === "MemberExpression") && !parent.computed)
      if (key === "key" || key === "property") return undefined;
    return fieldOf.get(`local:${node.name as string}`);
  }
  if (node.type !== "MemberExpression" || node.computed) return undefined;
  const object = unwrap(node.object as EsNode);
  const index = object.type === "Identifier" ? fieldOf.get(`param:${object.name as string}`) : undefined;
  return index === undefined ? undefined : `${index}.${(node.property as EsNode).name as string}`;
}

/**
 * The spans of a file's values that are the period of a package method `fields` knows: the field of an object literal
 * at that position of a call of the method (`tss.subscribe({ timeout: 10 })`) or of the function.
 */
export function pacedFieldRanges(program: EsNode, fields: PacedFields | undefined): [number, number][] {
  if (fields === undefined || fields.size === 0) return [];
  const ranges: [number, number][] = [];
  visit(program, undefined, (node) => {
    if (node.type !== "CallExpression") return;
    const path = calleePath(unwrap(node.callee as EsNode)) ?? "";
    for (const entry of fields.get(path.slice(path.lastIndexOf(".") + 1)) ?? []) {
      const [index, field] = [Number(entry.slice(0, entry.indexOf("."))), entry.slice(entry.indexOf(".") + 1)];
      const arg = (node.arguments as EsNode[])[index];
      const object = arg && unwrap(arg);
      if (object?.type !== "ObjectExpression") continue;
      for (const property of object.properties as EsNode[])
        if (property.type === "Property" && propertyName(property) === field)
          ranges.push(span(property.value as EsNode));
    }
  });
  return ranges;
}

function text(source: string, node: EsNode): string {
  const [start, end] = span(node);
  return source.slice(start, end);
}

type Visit = (node: EsNode, parent: EsNode | undefined, key: string) => void;

/** Every node below `node`, with its parent and the key it is held under (iterative: bundles nest deep). */
function visit(root: EsNode, parent: EsNode | undefined, each: Visit): void {
  const stack: [EsNode, EsNode | undefined, string][] = [[root, parent, ""]];
  while (stack.length > 0) {
    const [node, above, key] = stack.pop()!;
    each(node, above, key);
    for (const [childKey, value] of Object.entries(node)) {
      if (childKey === "parent") continue;
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--)
          if (isNode(value[i])) stack.push([value[i] as EsNode, node, childKey]);
      } else if (isNode(value)) stack.push([value as EsNode, node, childKey]);
    }
  }
}
