// Whether an `expect(...)` call's receiver is a pexpect session: an `expect` method is common (test helpers, other
// expect-style libraries), so a file's `import pexpect` alone does not make `runner.expect(..., timeout=None)` pexpect's.
import type { Node as TsNode } from "web-tree-sitter";
import type { PyFacts } from "./facts.ts";
import { calleeText } from "./syntax.ts";

// pexpect's session constructors (`pexpect.spawn`, `spawnu`, `popen_spawn.PopenSpawn`, `fdpexpect.fdspawn`,
// `socket_pexpect.SocketSpawn`, `pxssh.pxssh`); `run` returns the output, not a session.
const CONSTRUCTOR = /^(spawnu?|PopenSpawn|fdspawn|SocketSpawn|pxssh)$/;

// How many plain copies (`child = self.child`) are followed back to a constructor.
const COPIES = 2;

// The receiver of `call` is the result of a pexpect constructor (`pexpect.spawn(cmd).expect(...)`), or a name or
// attribute the file binds to one (`child = pexpect.spawn(...)`, `self.child = pxssh.pxssh()`, `with ... as child`).
// A receiver the file binds only otherwise (a parameter, another call's result) is not a session; one the file never
// binds (an attribute set by a base class) keeps the file's import as its evidence.
export function pexpectSession(facts: PyFacts, call: TsNode): boolean {
  const receiver = call.childForFieldName("function")?.childForFieldName("object");
  if (!receiver) return false;
  return boundToSession(facts, receiver, COPIES) ?? true;
}

// true: `value` is a session; false: it is bound only to something else; undefined: the file never binds it.
function boundToSession(facts: PyFacts, value: TsNode, copies: number): boolean | undefined {
  if (value.type === "call") return makesSession(facts, value);
  if (value.type !== "identifier" && value.type !== "attribute") return false;
  const sources = facts.bindingSources(value);
  if (sources.length === 0) return undefined;
  return sources.some(
    (source) =>
      source !== null &&
      (copies > 0 ? boundToSession(facts, source, copies - 1) === true : makesSession(facts, source)),
  );
}

function makesSession(facts: PyFacts, value: TsNode): boolean {
  if (value.type !== "call") return false;
  const path = facts.resolve(calleeText(value));
  return path.startsWith("pexpect.") && CONSTRUCTOR.test(path.slice(path.lastIndexOf(".") + 1));
}
