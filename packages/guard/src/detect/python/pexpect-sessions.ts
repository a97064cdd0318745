// Whether an `expect(...)` call's receiver is a pexpect session: an `expect` method is common (test helpers, other
// expect-style libraries), so a file's `import pexpect` alone does not make `runner.expect(..., timeout=None)` pexpect's.
import type { Node as TsNode } from "web-tree-sitter";
import type { PyFacts } from "./facts.ts";
import { calleeText, enclosingFunction } from "./syntax.ts";

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
  const sources = bindingsOf(value);
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

// What the file binds `target`'s text to: assignments' right sides, `with ... as` sources, and null for a parameter
// or any other binding (a loop variable, a tuple's part) whose value is not written there. A name is looked up in
// its own function's (or the module's) text; an attribute (`self.child`) in the whole file.
function bindingsOf(target: TsNode): (TsNode | null)[] {
  const text = target.text;
  const scope =
    target.type === "identifier" ? (enclosingFunction(target) ?? target.tree.rootNode) : target.tree.rootNode;
  const found: (TsNode | null)[] = [];
  const visit = (node: TsNode): void => {
    if (node.type === "assignment" || node.type === "augmented_assignment") {
      const left = node.childForFieldName("left");
      if (left?.text === text) found.push(node.childForFieldName("right"));
      else if (
        left &&
        /pattern_list|tuple|list/.test(left.type) &&
        left.namedChildren.some((part) => part?.text === text)
      )
        found.push(null);
    } else if (node.type === "as_pattern" && node.childForFieldName("alias")?.text.trim() === text) {
      found.push(node.namedChildren[0] ?? null);
    } else if (node.type === "for_statement" && node.childForFieldName("left")?.text === text) {
      found.push(null);
    } else if (node.type === "parameters" && node.parent?.id === scope.id) {
      for (const parameter of node.namedChildren) {
        const name =
          parameter?.type === "identifier"
            ? parameter.text
            : (parameter?.childForFieldName("name") ?? parameter?.namedChildren[0])?.text;
        if (name === text) found.push(null);
      }
    }
    for (const child of node.namedChildren) if (child) visit(child);
  };
  visit(scope);
  return found;
}
