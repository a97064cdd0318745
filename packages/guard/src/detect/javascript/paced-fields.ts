// Interval periods handed as a field of an options object: a method of the package that reads a parameter's field
// only as the period of an interval running a round (bitcore-wallet-client's `subscribe(params)`: `const { timeout }
// = params; setInterval(async () => { ...one round of the session poll... }, timeout || 1000)`, documented "Timeout in
// milliseconds for the subscription to check for new messages"). That field says how often, not how long: a caller's
// `tss.subscribe({ timeout: 10 })` (its tests, fresh323) bounds nothing, whatever the field is called. The package
// pass (`package-facts.ts`) finds such methods (`pacedFieldsOf`); `pacedFieldRanges` marks the callers' fields.
import { calleePath, type EsNode, FUNCTION_TYPES, identifierCount, isNode, propertyName, span, unwrap } from "./ast.ts";
import { paces } from "./no-wait-calls.ts";
import { walk } from "./walk.ts";

/** Method or function name → `i.k`: its parameter at `i` is read as field `k` only as a pacing interval's period. */
export type PacedFields = ReadonlyMap<string, ReadonlySet<string>>;

/** A file worth walking for one: it arms an interval. */
export const MIGHT_PACE_WITH_FIELD = /\bsetInterval\s*\(/;

/** `setInterval`, `window.setInterval`, `globalThis.setInterval`. */
const INTERVAL = /^(?:(?:globalThis|window|global|timers)\.)?setInterval$/;

/** The functions of a file that read a parameter's field only as the period of an interval that runs a round. */
export function pacedFieldsOf(program: EsNode, source: string): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  walk(program, undefined, (node) => {
    const named = namedFunction(node);
    if (named === undefined) return;
    for (const field of periodFields(named.fn, source)) {
      const fields = found.get(named.name) ?? new Set<string>();
      fields.add(field);
      found.set(named.name, fields);
    }
  });
  return found;
}

/** `function F(`, `const F = function`/`=>`, a class's `F(params) {}`, an object's `F: function`/`F(params) {}`. */
function namedFunction(node: EsNode): { name: string; fn: EsNode } | undefined {
  let name: string | undefined;
  let fn: EsNode | undefined;
  if (node.type === "FunctionDeclaration" && (node.id as EsNode | null)?.type === "Identifier") {
    [name, fn] = [(node.id as EsNode).name as string, node];
  } else if (node.type === "VariableDeclarator" && (node.id as EsNode).type === "Identifier" && isNode(node.init)) {
    [name, fn] = [(node.id as EsNode).name as string, unwrap(node.init)];
  } else if (node.type === "MethodDefinition" || node.type === "Property") {
    [name, fn] = [propertyName(node), unwrap(node.value as EsNode)];
  }
  return name !== undefined && fn && FUNCTION_TYPES.has(fn.type) && isNode(fn.body) ? { name, fn } : undefined;
}

/** The fields (`i.k`) of `fn`'s parameters read once, as the period of a pacing interval of its own body. */
function periodFields(fn: EsNode, source: string): string[] {
  // Each local or parameter that stands for a field: `const { timeout } = params`, `({ timeout })`; `params.timeout`.
  const locals = new Map<string, string>();
  const inBody = new Set<string>();
  const params = new Map<string, string>();
  (fn.params as EsNode[]).forEach((raw, index) => {
    const param = raw.type === "AssignmentPattern" ? (raw.left as EsNode) : raw;
    if (param.type === "Identifier") params.set(param.name as string, String(index));
    else if (param.type === "ObjectPattern") destructured(param, String(index), locals);
  });
  if (params.size === 0 && locals.size === 0) return [];
  // Most functions of a file that arms an interval arm none themselves: their bodies are not walked.
  const body = text(source, fn.body as EsNode);
  if (!MIGHT_PACE_WITH_FIELD.test(body)) return [];
  const memberReads = new Map<string, number>();
  const periods: string[] = [];
  const fieldOf = (raw: EsNode): string | undefined => {
    const node = unwrap(raw);
    if (node.type === "Identifier") return locals.get(node.name as string);
    if (node.type !== "MemberExpression" || node.computed) return undefined;
    const object = unwrap(node.object as EsNode);
    const index = object.type === "Identifier" ? params.get(object.name as string) : undefined;
    return index === undefined ? undefined : `${index}.${(node.property as EsNode).name as string}`;
  };
  walk(fn.body as EsNode, undefined, (node) => {
    if (node.type === "VariableDeclarator" && (node.id as EsNode).type === "ObjectPattern" && isNode(node.init)) {
      const init = unwrap(node.init);
      const index = init.type === "Identifier" ? params.get(init.name as string) : undefined;
      if (index !== undefined) destructured(node.id as EsNode, index, locals, inBody);
    }
    if (node.type === "MemberExpression" && node.object && unwrap(node.object as EsNode).type === "Identifier") {
      const field = fieldOf(node);
      if (field !== undefined) memberReads.set(field, (memberReads.get(field) ?? 0) + 1);
    }
    if (node.type !== "CallExpression" || !INTERVAL.test(calleePath(unwrap(node.callee as EsNode)) ?? "")) return;
    const [callback, delay] = node.arguments as EsNode[];
    if (!callback || !delay || !FUNCTION_TYPES.has(unwrap(callback).type)) return;
    if (!paces(text(source, callback), text(source, delay))) return;
    const period = unwrap(delay);
    const field = fieldOf(period.type === "LogicalExpression" ? (period.left as EsNode) : period);
    if (field !== undefined) periods.push(field);
  });
  // Read anywhere else too (also a deadline's delay, logged, handed on): not only a period. A local is named where it
  // is destructured (in the body, or in the parameters outside it) and where the interval reads it.
  const readOnce = (field: string): boolean => {
    if (memberReads.has(field)) return memberReads.get(field) === 1;
    const local = [...locals].find(([, f]) => f === field)?.[0];
    return local !== undefined && identifierCount(body, local) === (inBody.has(local) ? 2 : 1);
  };
  return periods.filter(readOnce);
}

/** `{ timeout, iterHandler }` of parameter `index`: each local stands for its field (`named`: where it is declared). */
function destructured(pattern: EsNode, index: string, locals: Map<string, string>, named?: Set<string>): void {
  for (const property of pattern.properties as EsNode[]) {
    if (property.type !== "Property" || property.computed) continue;
    const key = propertyName(property);
    let value = property.value as EsNode;
    if (value.type === "AssignmentPattern") value = value.left as EsNode;
    if (key === undefined || value.type !== "Identifier") continue;
    locals.set(value.name as string, `${index}.${key}`);
    named?.add(value.name as string);
  }
}

/**
 * The spans of a file's values that are the period of a package method `fields` knows: the field of an object literal
 * at that position of a call of the method (`tss.subscribe({ timeout: 10 })`) or of the function.
 */
export function pacedFieldRanges(program: EsNode, fields: PacedFields | undefined): [number, number][] {
  if (fields === undefined || fields.size === 0) return [];
  const ranges: [number, number][] = [];
  walk(program, undefined, (node) => {
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
