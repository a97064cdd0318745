// A method called on an object of one of this file's own classes: `self._connection.GetResponse(id, body, 30)` after
// `self._connection = TCPSingleStreamConnection(...)`, a class the file defines with a `def GetResponse`. Such a call
// runs the package's own method, so a literal in the place where the package's definitions of that method take a
// timeout (`timeout-positions.ts`) is handed to that timeout, as on `self` (`package-callees.ts` `ownCallee`). A
// receiver the file never binds to its own class (a parameter, another library's object: `sock.recv(1024)`), or binds
// to another library's object on some path, is not one; nor is an own class that only inherits the method from a
// library base (`class FramedSocket(socket.socket)` without a `def recv`: socket's `recv(bufsize)` runs). A class of
// the package called by its name (`Utils.wait_for(cond, 3)`) runs its own method too.
import type { Node as TsNode } from "web-tree-sitter";
import { boundTo } from "./bound-objects.ts";
import { classNamed, enclosingClass, memberFunction, resolveMethod } from "./callees.ts";
import type { PyFacts } from "./facts.ts";
import { ownPackageName } from "./own-display-calls.ts";
import { calleeText, unwrap } from "./syntax.ts";

// How many plain copies or getters (`self.GetConnection()` returning `self._connection`) are followed.
const STEPS = 2;

/** Whether the receiver of `call` (a method call) is an object of a class this file defines with that method. */
export function ownObjectReceiver(facts: PyFacts, call: TsNode): boolean {
  const callee = call.childForFieldName("function");
  const receiver = callee?.type === "attribute" ? callee.childForFieldName("object") : null;
  const method = callee?.childForFieldName("attribute")?.text;
  return receiver !== null && method !== undefined && ownObject(facts, unwrap(receiver), method, STEPS);
}

/**
 * Whether `call` runs a method of one of the package's own classes or modules called by its name: `Utils.wait_for(cond,
 * 3)` after `from ..server.utils import Utils` (fail2ban), or on a class this file defines with that method. A
 * relative import can only name the package's own code, as can an absolute one from the package holding the file; any
 * other import may be another library's.
 */
export function ownClassReceiver(facts: PyFacts, call: TsNode): boolean {
  const callee = call.childForFieldName("function");
  const receiver = callee?.type === "attribute" ? callee.childForFieldName("object") : null;
  const method = callee?.childForFieldName("attribute")?.text;
  if (receiver?.type !== "identifier" || method === undefined) return false;
  const path = facts.resolve(receiver.text);
  if (path.startsWith(".") || ownPackageName(facts, receiver.text)) return true;
  if (path !== receiver.text) return false;
  const cls = classNamed(call.tree.rootNode, receiver.text);
  return cls !== undefined && resolveMethod(cls, method) !== undefined;
}

function ownObject(facts: PyFacts, value: TsNode, method: string, steps: number): boolean {
  if (steps < 0) return false;
  const made = (call: TsNode): boolean => {
    const written = calleeText(call);
    // `TCPSingleStreamConnection(...)`: one of the file's classes, called by a name no import rebinds.
    if (/^\w+$/.test(written)) {
      const cls = facts.resolve(written) === written ? classNamed(call.tree.rootNode, written) : undefined;
      return cls !== undefined && resolveMethod(cls, method) !== undefined;
    }
    // `self.GetConnection()`: a method of the caller's own class that returns such an object.
    const getter = /^self\.(\w+)$/.exec(written)?.[1];
    return getter !== undefined && steps > 0 && returnsOwnObject(facts, call, getter, method, steps - 1);
  };
  return boundTo(facts, made, value, steps);
}

// Every value the getter returns (one at least) is an own object: a getter that may return another library's object
// on some path is not followed.
function returnsOwnObject(facts: PyFacts, call: TsNode, getter: string, method: string, steps: number): boolean {
  const cls = enclosingClass(call);
  const fn = cls && memberFunction(cls, getter);
  if (!fn) return false;
  const values = fn
    .descendantsOfType("return_statement")
    .map((statement) => statement?.namedChildren[0])
    .filter((value): value is TsNode => value !== null && value !== undefined);
  return values.length > 0 && values.every((value) => ownObject(facts, unwrap(value), method, steps));
}
