// Finding the known timeout API a call names: exact callees, `*.method` and `*.tail.method` wildcards, `object.*`.
import type { TimeoutApi } from "./apis.ts";

// Timers are event-loop delays, not network timeouts: `setTimeout(fn, ms)` stays allowed however it is reached.
// Node's timer modules as an import names them (`import { setTimeout } from "node:timers/promises"`): a sleep.
const TIMER_OBJECTS = new Set([
  "window",
  "globalThis",
  "global",
  "self",
  "timers",
  "timersPromises",
  "node:timers",
  "node:timers/promises",
  "timers/promises",
]);

interface ApiIndex {
  /** First position of each callee, as written. */
  exact: Map<string, number>;
  /** First position of a `*.method` callee, by method. */
  anyObject: Map<string, number>;
  /** First position of an `object.*` callee, by object. */
  anyMethod: Map<string, number>;
  /** `*.describe.configure`: a wildcard object before a dotted tail, with the tail's first position. */
  anyTail: [string, number][];
}
const indexes = new WeakMap<readonly TimeoutApi[], Record<TimeoutApi["language"], ApiIndex>>();

/** Callees by name, built once per list: `matchApi` runs for every call in a file. */
function indexOf(apis: readonly TimeoutApi[], language: TimeoutApi["language"]): ApiIndex {
  let index = indexes.get(apis);
  if (!index) {
    index = {
      js: { exact: new Map(), anyObject: new Map(), anyMethod: new Map(), anyTail: [] },
      python: { exact: new Map(), anyObject: new Map(), anyMethod: new Map(), anyTail: [] },
    };
    apis.forEach((api, position) => {
      const forLanguage = index![api.language];
      if (!forLanguage.exact.has(api.callee)) forLanguage.exact.set(api.callee, position);
      const method = api.callee.startsWith("*.") ? api.callee.slice(2) : undefined;
      if (method?.includes(".")) {
        if (!forLanguage.anyTail.some(([tail]) => tail === method)) forLanguage.anyTail.push([method, position]);
      } else if (method !== undefined && !forLanguage.anyObject.has(method))
        forLanguage.anyObject.set(method, position);
      const object = api.callee.endsWith(".*") ? api.callee.slice(0, -2) : undefined;
      if (object !== undefined && !forLanguage.anyMethod.has(object)) forLanguage.anyMethod.set(object, position);
    });
    indexes.set(apis, index);
  }
  return index[language];
}

/** Finds the API a call's dotted callee path names, if any (the first in `apis` when several do). */
export function matchApi(
  apis: readonly TimeoutApi[],
  language: TimeoutApi["language"],
  path: string,
): TimeoutApi | undefined {
  const { exact, anyObject, anyMethod, anyTail } = indexOf(apis, language);
  const dot = path.lastIndexOf(".");
  const method = path.slice(dot + 1);
  const object = dot >= 0 ? path.slice(0, dot) : undefined;
  let position = exact.get(path);
  if (object !== undefined && !(method === "setTimeout" && TIMER_OBJECTS.has(object))) {
    const wildcard = anyObject.get(method);
    if (wildcard !== undefined && (position === undefined || wildcard < position)) position = wildcard;
  }
  if (object !== undefined) {
    const any = anyMethod.get(object);
    if (any !== undefined && (position === undefined || any < position)) position = any;
  }
  for (const [tail, at] of anyTail)
    if (path.endsWith(`.${tail}`) && (position === undefined || at < position)) position = at;
  return position === undefined ? undefined : apis[position];
}
