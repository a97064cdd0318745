// Which function a timer's callback names: the definition of that name the timer's code can see (minified bundles
// call a dozen functions `r`), and, for a callback the code was given as a parameter, the functions the file's
// callers hand in for it. What those do decides the timer, as for a callback written inline.
import { type EsNode, FUNCTION_TYPES, isNode, referenceName, span, unwrap } from "./ast.ts";
import { ownText } from "./callback-body.ts";
import type { Definitions } from "./callback-effects.ts";
import type { EnclosingFunctions } from "./enclosing-functions.ts";
import { innermostFunction } from "./function-spans.ts";
import type { LexicalScopes } from "./lexical-scopes.ts";

/**
 * The definition of `name` seen from offset `at`: of the file's definitions of that name, those declared at the top
 * level or in a function around `at`, the one declared in the innermost such function. `undefined` when none is.
 * `function r() { ... connection.end() }` declared beside the timer hides an outer `function r()` that arms it. With
 * `lexical`, a function bound by `let` / `const` is seen only in its block (`lexical-scopes.ts`).
 */
export function visibleDefinition(
  name: string,
  at: number,
  definitions: Definitions,
  functionSpans: readonly [number, number][],
  lexical?: LexicalScopes,
): EsNode | undefined {
  let best: { node: EsNode; depth: number } | undefined;
  for (const node of definitions.get(name) ?? []) {
    const block = lexical?.scopeOf(node);
    const scope = block === undefined ? innermostFunction(functionSpans, span(node)[0]) : (block ?? undefined);
    if (scope !== undefined && !(scope[0] < at && at < scope[1])) continue;
    const depth = scope?.[0] ?? -1;
    if (best === undefined || depth > best.depth) best = { node, depth };
  }
  return best?.node;
}

/** A call by the name it calls (`Server._graceful(() => {...})` under `_graceful`), with its arguments. */
export type CallsByName = ReadonlyMap<string, readonly (readonly EsNode[])[]>;

/**
 * What the file's callers hand in for parameter `parameter` of the function `fn` (known by the names `names` it is
 * defined under): `Server._graceful(() => { ...; process.exit(0) })` for `_graceful = async (shutdown) => {...}`.
 */
export function handedIn(fn: EsNode, parameter: string, names: readonly string[], calls: CallsByName): EsNode[] {
  const index = (fn.params as EsNode[]).findIndex((p) => p.type === "Identifier" && p.name === parameter);
  if (index < 0) return [];
  const out: EsNode[] = [];
  for (const name of names) for (const args of calls.get(name) ?? []) if (args[index]) out.push(args[index]);
  return out;
}

/** A body that ends the process, a connection or a worker, or fails what waits: `process.exit(0)`, `socket.end()`. */
const ENDS_BODY =
  /\bexit\s*\(|\.(kill|terminate|destroy|abort|end|close|quit|disconnect)\s*\(|\b(reject|fail)\s*\(|\bthrow\b/;
/** A function handed in by a name that says it ends something (`process.exit`, `reject`, `abort`). */
const ENDS_NAME = /abort|fail|kill|reject|clos|destroy|exit|quit|terminate|^end$/i;

/** Whether a function handed in as a callback ends or fails something when it is called (read one step deep). */
export function endsWhenCalled(raw: EsNode, source: string): boolean {
  const handed = unwrap(raw);
  if (FUNCTION_TYPES.has(handed.type)) return ENDS_BODY.test(ownText(handed, source));
  const name = referenceName(handed);
  return name !== undefined && ENDS_NAME.test(name);
}

/** The file's functions by name, the names each is defined under, its calls by name, and every function's span. */
export type FileFunctions = {
  definitions: Definitions;
  definedAs: ReadonlyMap<EsNode, readonly string[]>;
  calls: CallsByName;
  functionSpans: readonly [number, number][];
  /** The blocks `let` / `const` bindings are seen in. */
  lexical?: LexicalScopes;
};

/**
 * Whether the name `name` at offsets `a` and `b` calls the same function: the definition each sees is one (or the file
 * defines no function of that name, so neither sees one). Minified bundles name a dozen functions `r`: Preact's
 * `r = function () {...}; s = setTimeout(r, 35)` does not race another function's `el.addEventListener("x", r)`.
 */
export function sameFunction(name: string, a: number, b: number, file: FileFunctions): boolean {
  if (!file.definitions.has(name)) return true;
  return (
    visibleDefinition(name, a, file.definitions, file.functionSpans, file.lexical) ===
    visibleDefinition(name, b, file.definitions, file.functionSpans, file.lexical)
  );
}

/**
 * The callbacks the code around a timer was given (`onlyContinues`), less those its callers in the file hand a
 * function in for that ends something: `_graceful = async (shutdown) => { setTimeout(shutdown, ms) }` called as
 * `_graceful(() => process.exit(0))` arms a forced exit, not a pause before going on.
 */
export function continuations(
  call: EsNode,
  around: EnclosingFunctions,
  file: FileFunctions,
  source: string,
): Set<string> {
  const given = around.enclosing(call, "parameters");
  for (const parameter of given) {
    const fn = around.declaring(call, parameter);
    if (fn === undefined) continue;
    // `function (t, e, r) { ... function r() { connection.end() } ... setTimeout(r, ms) }`: a function declared
    // inside the one taking the parameter hides it (minified code reuses its names).
    const local = visibleDefinition(parameter, span(call)[0], file.definitions, file.functionSpans, file.lexical);
    if (local !== undefined && span(local)[0] > span(fn)[0]) {
      given.delete(parameter);
      continue;
    }
    const names = [...(file.definedAs.get(fn) ?? []), ...(isNode(fn.id) ? [fn.id.name as string] : [])];
    if (handedIn(fn, parameter, names, file.calls).some((arg) => endsWhenCalled(arg, source))) given.delete(parameter);
  }
  return given;
}
