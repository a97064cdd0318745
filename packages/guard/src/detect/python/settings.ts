// An object's own "no limit": a constructor's `timeout=None` that the object later waits with (README "a parameter
// default None": the caller's choice when the function is the wait, the library's "no limit" when it is an object's
// setting for waits the object makes later on its own).
import type { Node as TsNode } from "web-tree-sitter";
import { matchApi } from "../../apis.ts";
import { knowsTimeoutKeyword } from "./calls.ts";
import type { PyFacts } from "./facts.ts";
import { noneIsForever } from "./none-keywords.ts";
import { unwrap } from "./syntax.ts";

// How many constructors a setting may be handed through (`timeout=self.timeout` to a class of the same file).
const MAX_HOPS = 3;

// `def __init__(self, timeout=None)` whose None the object waits with later, unchanged: stored as `self.x = timeout`
// (or through a `*_or_none(timeout)` conversion) and read, in any method of the class, as the timeout of a known
// blocking API (`self.sock.settimeout(self.x)`, `self._thread.join(timeout=self.x)`, `requests.get(u, timeout=self.x)`)
// or of another constructor of the file that does the same; or set on a socket in the constructor itself
// (`sock.settimeout(timeout)`) where no other method sets the socket's timeout (httpcore's TLS stream sets one per
// read: the constructor's None bounds only its own handshake, the caller's choice). A use under a test of the setting
// (`if self.x is not None:`), a parameter re-assigned in the constructor and a setting re-assigned under a None test do
// not count: there the None is replaced or kept away from the wait. Returns where the finding's message says the None
// is (undefined: not the object's own "no limit").
export function ownNoLimit(
  facts: PyFacts,
  fn: TsNode | null | undefined,
  value: TsNode,
  name: string,
): string | undefined {
  if (fn?.type !== "function_definition" || unwrap(value).type !== "none" || !waitsWithoutLimit(facts, fn, name))
    return undefined;
  return `as the default of ${name}, which the object keeps and later waits with`;
}

function waitsWithoutLimit(facts: PyFacts, fn: TsNode, name: string, hops = 0): boolean {
  if (hops > MAX_HOPS || fn.childForFieldName("name")?.text !== "__init__") return false;
  const cls = classOf(fn);
  const body = fn.childForFieldName("body");
  if (!cls || !body || assignsTo(body, name)) return false;
  for (const use of body.descendantsOfType("identifier")) {
    if (use?.text !== name || guarded(use, name, fn)) continue;
    const stored = storedAs(use);
    if (stored && stored.startsWith("self.")) {
      if (reassigned(cls, stored)) continue;
      for (const read of cls.descendantsOfType("attribute"))
        if (
          read?.text === stored &&
          !storedAs(read) &&
          (!guarded(read, stored, cls) || setOnlyWhenGiven(facts, read, stored, cls)) &&
          reachesWait(facts, read, hops)
        )
          return true;
    } else if (settimeoutArgument(use) && !setsTimeoutElsewhere(cls, fn)) return true;
    else if (openedWith(facts, use)) return true;
  }
  return false;
}

function classOf(fn: TsNode): TsNode | undefined {
  let holder = fn.parent;
  if (holder?.type === "decorated_definition") holder = holder.parent;
  return holder?.type === "block" && holder.parent?.type === "class_definition" ? holder.parent : undefined;
}

// `self.x = value` or `self.x = seconds_or_none(value)`: the attribute the value is stored in.
function storedAs(value: TsNode): string | undefined {
  let node = value;
  const call = node.parent?.parent;
  if (node.parent?.type === "argument_list" && call?.type === "call") {
    if (!/_or_none$/i.test(call.childForFieldName("function")?.text ?? "")) return undefined;
    node = call;
  }
  const assignment = node.parent;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("right")?.id !== node.id) return undefined;
  const left = assignment.childForFieldName("left");
  return left?.type === "attribute" ? left.text.replace(/\s+/g, "") : undefined;
}

// Any assignment of the parameter `name` in the constructor: it may no longer hold the caller's value.
function assignsTo(body: TsNode, name: string): boolean {
  return body
    .descendantsOfType(["assignment", "augmented_assignment"])
    .some((assignment) => assignment?.childForFieldName("left")?.text === name);
}

// An assignment of `target` under a test of it (`if timeout is None: timeout = 10`), in `scope`.
function reassigned(scope: TsNode, target: string): boolean {
  for (const assignment of scope.descendantsOfType(["assignment", "augmented_assignment"])) {
    const left = assignment?.childForFieldName("left");
    if (left && left.text.replace(/\s+/g, "") === target && guarded(assignment!, target, scope)) return true;
  }
  return false;
}

// Inside an `if`/`elif`/`while`/conditional expression that tests `target`, below `top`.
function guarded(node: TsNode, target: string, top: TsNode): boolean {
  const mention = new RegExp(`(^|[^\\w.])${target.replace(/[.]/g, "\\.")}(?![\\w])`);
  for (let current = node.parent; current && current.id !== top.id; current = current.parent) {
    const condition =
      current.type === "conditional_expression"
        ? current.namedChildren[1]
        : /^(if_statement|elif_clause|while_statement)$/.test(current.type)
          ? current.childForFieldName("condition")
          : null;
    if (condition && mention.test(condition.text)) return true;
    if (current.type === "boolean_operator") return true; // `self.x or 30`: a fallback replaces the None
  }
  return false;
}

// `if self.x is not None: self.sock.settimeout(self.x)` (or `if self.x:`), with no `else`, on a socket the class
// itself makes (`self.sock = socket.socket(...)`): on None the socket is left as it was made, blocking without a limit
// (pyclamd). Not on a socket the caller hands in (its timeout is the caller's), nor where the class makes its sockets
// non-blocking or changes the process-wide default (`setblocking`, `setdefaulttimeout`).
function setOnlyWhenGiven(facts: PyFacts, read: TsNode, stored: string, cls: TsNode): boolean {
  if (!settimeoutArgument(read) || /\b(setblocking|setdefaulttimeout)\s*\(/.test(cls.text)) return false;
  const receiver = read.parent?.parent?.childForFieldName("function")?.childForFieldName("object")?.text;
  if (!receiver || !madeHere(facts, cls, receiver.replace(/\s+/g, ""))) return false;
  const given = new RegExp(
    `^(not\\s+${stored.replace(/[.]/g, "\\.")}\\s+is\\s+None|${stored.replace(/[.]/g, "\\.")}(\\s+is\\s+not\\s+None)?)$`,
  );
  let tests = 0;
  for (let current: TsNode | null = read.parent; current && current.id !== cls.id; current = current.parent) {
    if (current.type === "boolean_operator" || current.type === "conditional_expression") return false;
    if (!/^(if_statement|elif_clause|while_statement)$/.test(current.type)) continue;
    const condition = current.childForFieldName("condition");
    if (!condition || !condition.text.includes(stored)) continue;
    if (current.type !== "if_statement" || current.childForFieldName("alternative")) return false;
    if (!given.test(unwrap(condition).text.replace(/\s+/g, " ").trim())) return false;
    tests++;
  }
  return tests === 1;
}

// `target = socket.socket(...)` somewhere in the class: a socket it makes, with the default timeout (none).
function madeHere(facts: PyFacts, cls: TsNode, target: string): boolean {
  return cls.descendantsOfType("assignment").some((assignment) => {
    const right = assignment?.childForFieldName("right");
    if (assignment?.childForFieldName("left")?.text.replace(/\s+/g, "") !== target || right?.type !== "call")
      return false;
    return facts.resolve(right.childForFieldName("function")?.text.replace(/\s+/g, "") ?? "") === "socket.socket";
  });
}

// A `settimeout(...)` in another method of the class: each wait there sets its own, the constructor's is not kept.
function setsTimeoutElsewhere(cls: TsNode, fn: TsNode): boolean {
  return cls
    .descendantsOfType("call")
    .some(
      (call) =>
        call !== null &&
        /(^|\.)settimeout$/.test(call.childForFieldName("function")?.text ?? "") &&
        (call.startIndex < fn.startIndex || call.startIndex >= fn.endIndex),
    );
}

// `sock.settimeout(timeout)`: the socket's later reads and accepts wait with it.
function settimeoutArgument(value: TsNode): boolean {
  const call = value.parent?.parent;
  return (
    value.parent?.type === "argument_list" &&
    call?.type === "call" &&
    /(^|\.)settimeout$/.test(call.childForFieldName("function")?.text ?? "") &&
    value.parent.namedChildren[0]?.id === value.id
  );
}

// `self._resource = rm.open_resource(address, timeout=timeout)`: handed as a keyword where None means "no limit" to a
// call that opens the object the constructor keeps (PyVISA's resource keeps its timeout for all its later I/O).
function openedWith(facts: PyFacts, use: TsNode): boolean {
  const keyword = use.parent;
  const call = keyword?.parent?.parent;
  if (keyword?.type !== "keyword_argument" || keyword.childForFieldName("value")?.id !== use.id) return false;
  if (call?.type !== "call" || !storedAs(call)?.startsWith("self.")) return false;
  const written = call.childForFieldName("function")?.text.replace(/\s+/g, "") ?? "";
  const name = keyword.childForFieldName("name")?.text ?? "";
  return noneIsForever(facts, call, facts.resolve(written), written, name);
}

// The setting read as a known blocking API's timeout, or handed to a constructor of this file that waits with it.
function reachesWait(facts: PyFacts, read: TsNode, hops: number): boolean {
  let argument = read;
  while (argument.parent?.type === "parenthesized_expression") argument = argument.parent;
  const keyword = argument.parent?.type === "keyword_argument" ? argument.parent : undefined;
  const list = keyword ? keyword.parent : argument.parent;
  const call = list?.parent;
  if (list?.type !== "argument_list" || call?.type !== "call") return false;
  const written = call.childForFieldName("function")?.text.replace(/\s+/g, "") ?? "";
  const path = facts.resolve(written);
  const api = matchApi(facts.options.apis, "python", path) ?? matchApi(facts.options.apis, "python", written);
  if (keyword) {
    const name = keyword.childForFieldName("name")?.text ?? "";
    if (keyword.childForFieldName("value")?.id !== argument.id) return false;
    if (knowsTimeoutKeyword(facts, path, written, name) || noneIsForever(facts, call, path, written, name)) return true;
    const init = constructorOf(call, written);
    const parameter = init ? parameterNamed(init, name) : undefined;
    return (
      parameter !== undefined && unwrap(parameter).type === "none" && waitsWithoutLimit(facts, init!, name, hops + 1)
    );
  }
  const positional = list.namedChildren.filter((a) => a && a.type !== "comment" && a.type !== "keyword_argument");
  return typeof api?.argument === "number" && positional[api.argument]?.id === argument.id;
}

// The `__init__` of a class of this file that `Name(...)` constructs.
function constructorOf(call: TsNode, written: string): TsNode | undefined {
  if (!/^[A-Z]\w*$/.test(written)) return undefined;
  let root = call;
  while (root.parent) root = root.parent;
  for (const cls of root.descendantsOfType("class_definition")) {
    if (cls?.childForFieldName("name")?.text !== written) continue;
    for (const member of cls.childForFieldName("body")?.namedChildren ?? []) {
      const fn = member?.type === "decorated_definition" ? member.childForFieldName("definition") : member;
      if (fn?.type === "function_definition" && fn.childForFieldName("name")?.text === "__init__") return fn;
    }
  }
  return undefined;
}

// The default value of the parameter `name` of `fn`.
function parameterNamed(fn: TsNode, name: string): TsNode | undefined {
  for (const parameter of fn.childForFieldName("parameters")?.namedChildren ?? [])
    if (parameter?.type.endsWith("default_parameter") && parameter.childForFieldName("name")?.text === name)
      return parameter.childForFieldName("value") ?? undefined;
  return undefined;
}
