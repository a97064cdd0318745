// What object a receiver holds, followed back through the file's bindings: `sel = selectors.DefaultSelector()`,
// `self._connection = TCPSingleStreamConnection(...)`, through plain copies. Shared by the receiver APIs
// (`receiver-apis.ts`) and the file's own objects (`own-receivers.ts`), so both read a binding the same way.
import type { Node as TsNode } from "web-tree-sitter";
import { enclosingClass } from "./callees.ts";
import type { PyFacts } from "./facts.ts";
import { parameterName, unwrap } from "./syntax.ts";

/**
 * Whether `value` is a call `made` accepts, or a name or attribute bound to one through up to `copies` plain copies.
 * Every binding that says what the object is must be one (a `self.conn = socket.create_connection(...)` on another
 * path makes the receiver a socket there), except a `None` (`self._conn = None` in `__init__`, before the object is
 * made); a parameter or a loop's target says nothing of it (eyes17's `def switchBaud(self, fd, ...)` that rebinds `fd
 * = serial.Serial(...)` before its `fd.setTimeout(0.1)`). A `self.conn` is bound only by its own class's methods:
 * another class's `self.conn` is another object.
 */
export function boundTo(facts: PyFacts, made: (call: TsNode) => boolean, value: TsNode, copies: number): boolean {
  if (value.type === "call") return made(value);
  if (value.type !== "identifier" && value.type !== "attribute") return false;
  const owner = value.type === "attribute" && value.childForFieldName("object")?.text === "self";
  const cls = owner ? enclosingClass(value)?.id : undefined;
  const sources = facts
    .bindingSources(value)
    .filter((source): source is TsNode => source !== null && unwrap(source).type !== "none")
    .filter((source) => !owner || enclosingClass(source)?.id === cls)
    // `self.session = session` from `__init__(self, session=None)`: the caller's object says nothing of it either
    // (aiohasupervisor's client, which makes its own `ClientSession()` when none is given).
    .filter((source) => !(owner && unwrap(source).type === "identifier" && isParameter(unwrap(source))));
  return (
    sources.length > 0 &&
    sources.every(
      (source) => (source.type === "call" || copies > 0) && boundTo(facts, made, unwrap(source), copies - 1),
    )
  );
}

/** `name` is a parameter of the function it is read in (and that function does not bind it again). */
function isParameter(name: TsNode): boolean {
  let fn: TsNode | null = name.parent;
  while (fn && fn.type !== "function_definition") fn = fn.parent;
  if (!fn) return false;
  const declared = (fn.childForFieldName("parameters")?.namedChildren ?? []).some(
    (parameter) => parameter !== null && parameterName(parameter) === name.text,
  );
  if (!declared) return false;
  const rebinds = new RegExp(`(^|\\n)[ \\t]*${name.text}[ \\t]*(=(?!=)|:[^\\n=]*=(?!=))`);
  return !rebinds.test(fn.childForFieldName("body")?.text ?? "");
}
