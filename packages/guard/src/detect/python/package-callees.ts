// A call whose callee is another module's class or function of the package (`self.conn = Connection(host,
// timeout=timeout)` after `from .conn import Connection`; `super().__init__(host, timeout)` with a base imported from
// another module): the keeper the package pass found for it (`package-keepers.ts`) and the parameter the argument fills.
import type { Node as TsNode } from "web-tree-sitter";
import { baseInitOf } from "./base-init.ts";
import { classOf, positionalIndex } from "./callees.ts";
import type { PyFacts } from "./facts.ts";
import { ownPackageName } from "./own-display-calls.ts";
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
  const baseInit = baseInitOf(written, classOf(fn));
  const keeper = facts.packageKeeper(baseInit?.base ?? written);
  if (!keeper || (baseInit && keeper.kind !== "class")) return undefined;
  // `Base.__init__(self, host, timeout)`: the first positional argument is the object itself.
  const index = keyword ? -1 : positionalIndex(list, argument) - (baseInit?.selfPassed ? 1 : 0);
  const parameter = keyword
    ? keyword.childForFieldName("name")?.text
    : index >= 0
      ? keeper.parameters[index]
      : undefined;
  return parameter === undefined ? undefined : { keeper, parameter, base: baseInit !== undefined };
}

/**
 * A callee that can only be the package's own definition: a method of the object itself (`self.wait_for_status`,
 * `cls.connect`), or a name defined in the module or imported from the package (`from .base import wait_until`,
 * `from allmydata.util.deferredutil import timeout_call` in allmydata's own modules). Any
 * other receiver may be another library's object with a method of the same name (`sock.recv(1024)` beside a
 * package's `Bus.recv(self, timeout=None)`).
 */
export function ownCallee(facts: PyFacts, written: string): boolean {
  if (written.includes(".")) return /^(self|cls)\.\w+$/.test(written);
  const path = facts.resolve(written);
  return path === written || path.startsWith(".") || ownPackageName(facts, written);
}
