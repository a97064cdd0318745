// A method called on an object of one of this file's own classes: `self._connection.GetResponse(id, body, 30)` after
// `self._connection = TCPSingleStreamConnection(...)`, a class the file defines. Such a receiver can only run the
// package's own method, so a literal in the place where the package's definitions of that method take a timeout
// (`timeout-positions.ts`) is handed to that timeout, as on `self` (`package-callees.ts` `ownCallee`). A receiver the
// file never binds to its own class (a parameter, another library's object: `sock.recv(1024)`) is not one.
import type { Node as TsNode } from "web-tree-sitter";
import { classNamed, enclosingClass } from "./callees.ts";
import type { PyFacts } from "./facts.ts";
import { calleeText, unwrap } from "./syntax.ts";

// How many plain copies or getters (`self.GetConnection()` returning `self._connection`) are followed.
const STEPS = 2;

/** Whether the receiver of `call` (a method call) is an object of a class this file defines. */
export function ownObjectReceiver(facts: PyFacts, call: TsNode): boolean {
  const callee = call.childForFieldName("function");
  const receiver = callee?.type === "attribute" ? callee.childForFieldName("object") : null;
  return receiver !== null && ownObject(facts, unwrap(receiver), STEPS);
}

function ownObject(facts: PyFacts, value: TsNode, steps: number): boolean {
  if (steps < 0) return false;
  if (value.type === "call") {
    const written = calleeText(value);
    // `TCPSingleStreamConnection(...)`: one of the file's classes, called by a name no import rebinds.
    if (/^\w+$/.test(written))
      return facts.resolve(written) === written && classNamed(value.tree.rootNode, written) !== undefined;
    // `self.GetConnection()`: a method of the caller's own class that returns such an object.
    const getter = /^self\.(\w+)$/.exec(written)?.[1];
    return getter !== undefined && steps > 0 && returnsOwnObject(facts, value, getter, steps - 1);
  }
  if (value.type !== "identifier" && value.type !== "attribute") return false;
  return facts
    .bindingSources(value)
    .some((source) => source !== null && ownObject(facts, unwrap(source), source.type === "call" ? steps : steps - 1));
}

// Every value the getter returns (one at least) is an own object: a getter that may return another library's object
// on some path is not followed.
function returnsOwnObject(facts: PyFacts, call: TsNode, getter: string, steps: number): boolean {
  const cls = enclosingClass(call);
  const fn = cls
    ?.childForFieldName("body")
    ?.namedChildren.find(
      (member) => member?.type === "function_definition" && member.childForFieldName("name")?.text === getter,
    );
  if (!fn) return false;
  const values = fn
    .descendantsOfType("return_statement")
    .map((statement) => statement?.namedChildren[0])
    .filter((value): value is TsNode => value !== null && value !== undefined);
  return values.length > 0 && values.every((value) => ownObject(facts, unwrap(value), steps));
}
