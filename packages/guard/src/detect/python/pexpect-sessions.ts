// Whether an `expect(...)` call's receiver is a pexpect session: an `expect` method is common (test helpers, other
// expect-style libraries), so a file's `import pexpect` alone does not make `runner.expect(..., timeout=None)` pexpect's.
import type { Node as TsNode } from "web-tree-sitter";
import { calleeOf } from "./callees.ts";
import type { PyFacts } from "./facts.ts";
import { calleeText } from "./syntax.ts";

// pexpect's session constructors (`pexpect.spawn`, `spawnu`, `popen_spawn.PopenSpawn`, `fdpexpect.fdspawn`,
// `socket_pexpect.SocketSpawn`, `pxssh.pxssh`); `run` returns the output, not a session.
const CONSTRUCTOR = /^(spawnu?|PopenSpawn|fdspawn|SocketSpawn|pxssh)$/;

// How many plain copies (`child = self.child`) and same-file factories (`def make_runner(): return pexpect.spawn(...)`)
// are followed back to a constructor.
const COPIES = 2;

// The receiver of `call` is the result of a pexpect constructor (`pexpect.spawn(cmd).expect(...)`), or a name or
// attribute the file binds to one (`child = pexpect.spawn(...)`, `self.child = pxssh.pxssh()`, `with ... as child`).
// A call of a function this file defines stands for what that function returns. A receiver the file binds only
// otherwise (a parameter, another call's result) is not a session; one the file never binds (an attribute set by a
// base class) keeps the file's import as its evidence.
export function pexpectSession(facts: PyFacts, call: TsNode): boolean {
  const receiver = call.childForFieldName("function")?.childForFieldName("object");
  if (!receiver) return false;
  return boundToSession(facts, receiver, COPIES) ?? true;
}

// true: `value` is a session; false: it is bound only to something else; undefined: the file never binds it.
function boundToSession(facts: PyFacts, value: TsNode, copies: number): boolean | undefined {
  if (value.type === "call") return makesSession(facts, value, copies);
  if (value.type !== "identifier" && value.type !== "attribute") return false;
  const sources = facts.bindingSources(value);
  if (sources.length === 0) return undefined;
  return sources.some(
    (source) =>
      source !== null &&
      (copies > 0 ? boundToSession(facts, source, copies - 1) === true : makesSession(facts, source, 0)),
  );
}

function makesSession(facts: PyFacts, value: TsNode, copies: number): boolean {
  if (value.type !== "call") return false;
  const written = calleeText(value);
  const path = facts.resolve(written);
  if (path.startsWith("pexpect.") && CONSTRUCTOR.test(path.slice(path.lastIndexOf(".") + 1))) return true;
  const callee = copies > 0 && !facts.isImported(written) ? calleeOf(value, written) : undefined;
  if (callee?.kind !== "call") return false;
  return returned(callee.fn).some((result) => boundToSession(facts, result, copies - 1) === true);
}

// The values `fn`'s own `return` statements give (not those of functions or lambdas nested in it).
function returned(fn: TsNode): TsNode[] {
  const values: TsNode[] = [];
  for (const statement of fn.childForFieldName("body")?.descendantsOfType("return_statement") ?? []) {
    let owner = statement?.parent;
    while (owner && owner.type !== "function_definition") owner = owner.parent;
    const value = statement?.namedChildren.find((c) => c?.type !== "comment");
    if (owner?.id === fn.id && value) values.push(value);
  }
  return values;
}
