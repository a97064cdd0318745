// For the package pass (`python-facts.ts`): what one module-level class or function of a module shows the package's
// other modules (`Keeper`): the parameters its object keeps for later waits (the evidence of `settings.ts`, which may
// itself follow a callee into another module through the facts of an earlier round), and those a function waits with.
import type { Node as TsNode } from "web-tree-sitter";
import { memberFunction, parameterNamed } from "./callees.ts";
import { httpxClientKeeper } from "./client-subclasses.ts";
import type { PyFacts } from "./facts.ts";
import type { Keeper } from "./package-keepers.ts";
import { waitsWith, waitsWithoutLimit } from "./settings.ts";
import { unwrap } from "./syntax.ts";

/** The module's top-level classes and functions (through decorators), by name. */
export function topLevelDefinitions(root: TsNode): Map<string, TsNode> {
  const definitions = new Map<string, TsNode>();
  for (const child of root.namedChildren) {
    const definition = child?.type === "decorated_definition" ? child.childForFieldName("definition") : child;
    if (definition?.type !== "class_definition" && definition?.type !== "function_definition") continue;
    const name = definition.childForFieldName("name")?.text;
    if (name && !definitions.has(name)) definitions.set(name, definition);
  }
  return definitions;
}

/** What `definition` (a top-level class or function) shows other modules, or undefined when nothing. */
export function keeperFor(facts: PyFacts, definition: TsNode): Keeper | undefined {
  const isClass = definition.type === "class_definition";
  const fn = isClass ? memberFunction(definition, "__init__") : definition;
  if (!fn) return isClass ? httpxClientKeeper(facts, definition, []) : undefined;
  const all = parametersOf(fn);
  const positional = all.slice(isClass ? 1 : 0, firstStop(all));
  const names = all.filter((p) => p.name !== undefined && facts.isTimeout(p.name)).map((p) => p.name!);
  // `class Device(httpx.AsyncClient)` handing its `**kwargs` to the base: it keeps the `timeout=` it is handed.
  if (names.length === 0 && isClass)
    return httpxClientKeeper(
      facts,
      definition,
      positional.map((p) => p.name ?? ""),
    );
  if (names.length === 0) return undefined;
  const keeps = names.filter((name) => waitsWithoutLimit(facts, fn, name));
  const waits = isClass ? [] : names.filter((name) => !keeps.includes(name) && waitsWith(facts, fn, name));
  if (keeps.length === 0 && waits.length === 0) return undefined;
  const none = keeps.filter((name) => {
    const value = parameterNamed(fn, name);
    return value !== undefined && unwrap(value).type === "none";
  });
  return { kind: isClass ? "class" : "function", parameters: positional.map((p) => p.name ?? ""), keeps, none, waits };
}

interface Parameter {
  readonly name: string | undefined;
  /** `*`, `*args`, `**kwargs`: no positional parameter after it. */
  readonly stop: boolean;
}

function parametersOf(fn: TsNode): Parameter[] {
  const parameters: Parameter[] = [];
  for (const node of fn.childForFieldName("parameters")?.namedChildren ?? []) {
    if (!node || node.type === "comment" || node.type === "positional_separator") continue;
    if (/splat|keyword_separator/.test(node.type)) {
      parameters.push({ name: undefined, stop: true });
      continue;
    }
    const name =
      node.type === "identifier"
        ? node.text
        : (node.childForFieldName("name")?.text ?? node.namedChildren.find((c) => c?.type === "identifier")?.text);
    parameters.push({ name, stop: false });
  }
  return parameters;
}

function firstStop(parameters: readonly Parameter[]): number {
  const at = parameters.findIndex((p) => p.stop);
  return at === -1 ? parameters.length : at;
}
