// An explicit `timeout=None` handed to the package's own function that waits with that parameter: command_runner's
// `elevate` re-runs a script with `command_runner(..., timeout=None)`, whose body hands `timeout` on to
// `process.wait(timeout=timeout)`. The function's own default (3600) is switched off: the call chooses no limit, as a
// `None` handed to `Popen.wait` itself would. A function that replaces a None before waiting (`if timeout is None:
// timeout = 30`) does not wait with it unchanged (`waitsWith`), and a None to any other callee still means "unset".
import type { Node as TsNode } from "web-tree-sitter";
import { calleeOf } from "./callees.ts";
import type { PyFacts } from "./facts.ts";
import { waitsWith } from "./settings.ts";

/** Whether `call` (written `written`) is of a function of the file or package that waits with its `name` unchanged. */
export function ownFunctionWaitsWith(facts: PyFacts, call: TsNode, written: string, name: string): boolean {
  const callee = calleeOf(call, written);
  // A plain function of this file; a class's `__init__` keeps its None for later (`settings.ts` judges that).
  if (callee) return callee.kind === "call" && waitsWith(facts, callee.fn, name);
  const keeper = facts.packageKeeper(written);
  if (keeper) return keeper.kind === "function" && keeper.waits.includes(name);
  // `self._client.post(uri, timeout=None)`: a method every definition of which in the package waits with it (the
  // package pass's `methodWaits`). Another library's method of that name would take the None as "no limit" too.
  const method = written.includes(".") ? written.slice(written.lastIndexOf(".") + 1) : undefined;
  const waits = facts.options.python?.methodWaits;
  return method !== undefined && waits !== undefined && Object.hasOwn(waits, method) && waits[method]!.includes(name);
}
