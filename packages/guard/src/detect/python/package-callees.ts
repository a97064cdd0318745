// A call whose callee is another module's class or function of the package (`self.conn = Connection(host,
// timeout=timeout)` after `from .conn import Connection`; `super().__init__(host, timeout)` with a base imported from
// another module): the keeper the package pass found for it (`package-keepers.ts`) and the parameter the argument fills.
import type { Node as TsNode } from "web-tree-sitter";
import { classOf } from "./callees.ts";
import type { PyFacts } from "./facts.ts";
import type { Keeper } from "./package-keepers.ts";

/** The other module's keeper a call runs, the parameter `argument` fills, and whether it is the caller's base's `__init__`. */
export function packageParameter(
  facts: PyFacts,
  fn: TsNode,
  list: TsNode,
  argument: TsNode,
  keyword: TsNode | undefined,
  written: string,
): { keeper: Keeper; parameter: string; base: boolean } | undefined {
  const explicitBase = /^([\w.]+)\.__init__$/.exec(written);
  const base = written === "super().__init__" ? firstBase(fn) : explicitBase?.[1];
  const keeper = facts.packageKeeper(base ?? written);
  if (!keeper || (base !== undefined && keeper.kind !== "class")) return undefined;
  // `Base.__init__(self, host, timeout)`: the first positional argument is the object itself.
  const index = keyword ? -1 : positionalIndex(list, argument) - (explicitBase ? 1 : 0);
  const parameter = keyword
    ? keyword.childForFieldName("name")?.text
    : index >= 0
      ? keeper.parameters[index]
      : undefined;
  return parameter === undefined ? undefined : { keeper, parameter, base: base !== undefined };
}

// The first base of the class `fn` is a method of, as written (`base.HTTPClient`).
function firstBase(fn: TsNode): string | undefined {
  const first = classOf(fn)
    ?.childForFieldName("superclasses")
    ?.namedChildren.find((b) => b?.type !== "comment");
  return first && (first.type === "identifier" || first.type === "attribute")
    ? first.text.replace(/\s+/g, "")
    : undefined;
}

// Which positional argument `argument` is (-1 after a `*args`: positions unknown).
export function positionalIndex(list: TsNode, argument: TsNode): number {
  let index = 0;
  for (const item of list.namedChildren) {
    if (!item || item.type === "comment" || item.type === "keyword_argument") continue;
    if (item.type.endsWith("splat")) return -1;
    if (item.id === argument.id) return index;
    index++;
  }
  return -1;
}

/**
 * A callee that can only be the package's own definition: a method of the object itself (`self.wait_for_status`,
 * `cls.connect`), or a name defined in the module or imported from the package (`from .base import wait_until`). Any
 * other receiver may be another library's object with a method of the same name (`sock.recv(1024)` beside a
 * package's `Bus.recv(self, timeout=None)`).
 */
export function ownCallee(facts: PyFacts, written: string): boolean {
  if (written.includes(".")) return /^(self|cls)\.\w+$/.test(written);
  const path = facts.resolve(written);
  return path === written || path.startsWith(".");
}
