// Quiet periods and aggregation windows named like timeouts: a value that goes where a debounce's wait goes is how
// long to wait after the last event before acting once, not a deadline; nothing fails or ends when it runs out.
// select2's `ajax: { quietMillis: ajaxTimeout }` (a typing debounce before the search request), webpack's
// `watchOptions: { aggregateTimeout: 200 }` (how long the watcher gathers changes before one rebuild).
import { QUIET_PERIOD_FUNCTION } from "../../name-kinds.ts";
import { calleePath, type EsNode, FUNCTION_TYPES, isNode, propertyName, referenceName, span, unwrap } from "./ast.ts";
import { compiledDefaultsEnd } from "./compiled-defaults.ts";

/**
 * Option keys whose value is a debounce's quiet period (select2's `quietMillis`, `debounce`, `debounceMs`,
 * `debounceWait`): the name a value is handed on under says what it does, whatever it was called before.
 */
export const QUIET_KEY = /^(quiet(Millis|Ms|Period|Time)?|debounce(Ms|Millis|Time|Delay|Wait|Interval)?)$/i;

/**
 * webpack's (and watchpack's) watch options: `aggregateTimeout` is the window the watcher gathers file changes in
 * before it emits them once. Known by the object's own key, `watchOptions`; a bare `aggregateTimeoutMs` elsewhere
 * (a MongoDB aggregate query's `maxTimeMS`) is a deadline and stays reported.
 */
const WATCH_OPTIONS = "watchOptions";
const AGGREGATE_KEY = "aggregateTimeout";
/** The other keys of webpack's and watchpack's watch options (`ignored`, `poll`, `followSymlinks`). */
const WATCH_SIBLING = /^(ignored|poll|followSymlinks)$/;

/** What one object literal shows: the names handed on as a quiet period, the entries that are a watcher's window. */
export interface DebounceWindows {
  /**
   * `quietMillis: this.options.ajaxTimeout`: an option field handed on as a quiet period is one wherever the file
   * writes it (its defaults-table entry). A plain local or parameter is resolved to its own declaration instead
   * (`debounce-bindings.ts`): another function's `timeout` is another value.
   */
  readonly names: string[];
  /** [start, end) of `aggregateTimeout: 200` in a `watchOptions` object: nothing waits on it. */
  readonly ranges: [number, number][];
}

/** The quiet periods and watch windows of one object literal (`NoWaitFacts.object` asks it of each). */
export function debounceWindows(object: EsNode): DebounceWindows {
  const names: string[] = [];
  const ranges: [number, number][] = [];
  for (const property of object.properties as EsNode[]) {
    if (property.type !== "Property" || !isNode(property.value)) continue;
    const key = propertyName(property);
    if (key === undefined) continue;
    const value = unwrap(property.value as EsNode);
    if (QUIET_KEY.test(key) && value.type === "MemberExpression") {
      const name = referenceName(value);
      if (name !== undefined) names.push(name);
    }
    if (key === WATCH_OPTIONS) ranges.push(...aggregateWindows(value));
  }
  // `compiler.watch({ ignored: /node_modules/, aggregateTimeout: 1000 }, handler)` (decentraland-rpc, fresh241): the
  // watch options handed straight to webpack, known by a sibling only watch options have.
  const keys = (object.properties as EsNode[]).map((property) =>
    property.type === "Property" ? propertyName(property) : undefined,
  );
  if (keys.includes(AGGREGATE_KEY) && keys.some((key) => key !== undefined && WATCH_SIBLING.test(key)))
    ranges.push(...aggregateWindows(object));
  return { names, ranges };
}

/**
 * [start, end) of each `aggregateTimeout` in an object assigned to a `watchOptions` (`config.watchOptions = {...}`,
 * `const watchOptions = {...}`).
 */
export function assignedWatchWindows(left: EsNode, right: EsNode): [number, number][] {
  return referenceName(left) === WATCH_OPTIONS ? aggregateWindows(right) : [];
}

/** [start, end) of each `aggregateTimeout` entry of the watch options a value can be. */
function aggregateWindows(value: EsNode): [number, number][] {
  const ranges: [number, number][] = [];
  for (const options of objectBranches(value))
    for (const inner of options.properties as EsNode[])
      if (inner.type === "Property" && propertyName(inner) === AGGREGATE_KEY) ranges.push(span(inner));
  return ranges;
}

/**
 * Merges of objects into one, as written and as compilers write a spread: `Object.assign({}, a, b)`, Babel's
 * `_extends(...)` and `_objectSpread2(...)`, TypeScript's `__assign(...)`.
 */
const MERGE = /^(Object\.assign|_extends|_objectSpread\d?|__assign)$/;

/**
 * The object literals a value can be: itself, the branches of a choice between options
 * (`watchOptions: noRebuild ? { ignored } : (extension.watchOptions ?? { aggregateTimeout: 20 })`), or the objects
 * merged into it (`var watchOptions = _extends({ aggregateTimeout: 200 }, options.watchOptions)`,
 * webpack-server-render-middleware, fresh364): whichever is taken, the object is still the watcher's options.
 */
function objectBranches(raw: EsNode, depth = 0): EsNode[] {
  const value = unwrap(raw);
  if (value.type === "ObjectExpression") return [value];
  if (depth >= 4) return [];
  if (value.type === "CallExpression" && MERGE.test(calleePath(value.callee as EsNode) ?? ""))
    return (value.arguments as EsNode[]).flatMap((argument) => objectBranches(argument, depth + 1));
  if (value.type === "ConditionalExpression")
    return [
      ...objectBranches(value.consequent as EsNode, depth + 1),
      ...objectBranches(value.alternate as EsNode, depth + 1),
    ];
  if (value.type === "LogicalExpression")
    return [...objectBranches(value.left as EsNode, depth + 1), ...objectBranches(value.right as EsNode, depth + 1)];
  return [];
}

/**
 * [start, end) of the parameters of a function named as a debounce or a throttle: a default there is how long the
 * function waits for quiet (or between calls) before it calls through, whatever the parameter is called.
 */
export function debounceParameters(name: string | undefined, fn: unknown): [number, number] | undefined {
  if (name === undefined || !QUIET_PERIOD_FUNCTION.test(name) || !isNode(fn)) return undefined;
  const value = unwrap(fn);
  const params = value.params as EsNode[] | undefined;
  if (!FUNCTION_TYPES.has(value.type) || params === undefined) return undefined;
  // `debounce(func) { let timeout = arguments.length > 1 && ... : 500; ... }`: compiled defaults are parameters too.
  const compiled = compiledDefaultsEnd(value);
  if (params.length === 0) return compiled === undefined ? undefined : [span(value.body as EsNode)[0], compiled];
  return [span(params[0]!)[0], Math.max(span(params.at(-1)!)[1], compiled ?? 0)];
}
