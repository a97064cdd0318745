// Durations named like timeouts that the code sends as a LEASE it asks for: UPnP's GENA `SUBSCRIBE` and WebDAV's
// `LOCK` take a `TIMEOUT: Second-1800` header, how long the device keeps the subscription (or the server the lock)
// before it lapses unless renewed (UPnP Device Architecture 2.0, 4.1.2; RFC 4918, 10.7). Nothing waits that long:
// async-upnp-client's `async_subscribe(service, timeout=timedelta(seconds=1800))` builds `"Second-" +
// str(timeout.seconds)`, and the device answers at once. Decided by the `Second-` form the value is written into, which
// only these leases use, never by the name: a grpc-timeout header (`"5S"`) or a kubectl `--timeout=30s` does bound a
// wait and is no lease.
import type { Node as TsNode } from "web-tree-sitter";
import { type Callee, calleeOf, enclosingClass, positionalParameter, resolveMethod } from "./callees.ts";
import type { PyFacts } from "./facts.ts";
import { argumentSlot, enclosingFunction, stringContent } from "./syntax.ts";

const LEASE_PREFIX = /Second-$/;
// `str(x)`, `int(x)`, `round(x)`: the same number as text or a whole one.
const CONVERSIONS = /^(str|int|round|float)$/;
// How many functions a lease may be handed through (`async_resubscribe` to `_async_do_resubscribe`).
const MAX_HOPS = 2;

/**
 * `read` is sent as a lease: formatted after `Second-` (through `.seconds`, `.total_seconds()`, `str`/`int`), handed to
 * a function of the file whose parameter is one, or returned by a function that sends its parameter so (the lease the
 * device granted, which the caller renews before it lapses).
 */
export function leaseUse(facts: PyFacts, read: TsNode, hops = 0): boolean {
  if (!mentionsLease(read)) return false;
  if (formattedAsLease(read)) return true;
  if (hops >= MAX_HOPS) return false;
  const outer = outermost(read);
  const parent = outer.parent;
  // `return sid, timeout` in the function that sent its parameter `timeout` as the lease.
  const returned =
    parent?.type === "return_statement" ||
    (parent?.type === "expression_list" && parent.parent?.type === "return_statement");
  const fn = enclosingFunction(read);
  if (returned && read.type === "identifier" && fn) return sendsLease(facts, fn, read.text, hops + 1);
  return handedAsLease(facts, outer, hops);
}

// Whether the file writes `Second-` anywhere (once per tree): most files never do, and ask nothing more.
const LEASE_FILES = new WeakMap<object, boolean>();
function mentionsLease(node: TsNode): boolean {
  let known = LEASE_FILES.get(node.tree);
  if (known === undefined) LEASE_FILES.set(node.tree, (known = /Second-/.test(node.tree.rootNode.text)));
  return known;
}

// The read, through parentheses and an `await` of nothing (the read itself is never awaited): its outermost form.
function outermost(read: TsNode): TsNode {
  let current = read;
  while (current.parent?.type === "parenthesized_expression") current = current.parent;
  return current;
}

// `"Second-" + str(timeout.seconds)`, `f"Second-{int(timeout.total_seconds())}"`, `"Second-%d" % timeout`.
function formattedAsLease(read: TsNode): boolean {
  let current = outermost(read);
  for (;;) {
    const parent = current.parent;
    // `timeout.seconds`, `timeout.total_seconds()`
    if (parent?.type === "attribute" && parent.childForFieldName("object")?.id === current.id) {
      const name = parent.childForFieldName("attribute")?.text ?? "";
      if (name === "seconds") current = outermost(parent);
      else if (name === "total_seconds" && parent.parent?.type === "call") current = outermost(parent.parent);
      else return false;
      continue;
    }
    const call = parent?.type === "argument_list" ? parent.parent : undefined;
    if (
      call?.type === "call" &&
      parent!.namedChildCount === 1 &&
      CONVERSIONS.test(call.childForFieldName("function")?.text ?? "")
    ) {
      current = outermost(call);
      continue;
    }
    break;
  }
  const parent = current.parent;
  if (parent?.type === "binary_operator") {
    const operator = parent.childForFieldName("operator")?.text;
    const left = parent.childForFieldName("left");
    const text = left?.type === "string" ? stringContent(left) : undefined;
    if (operator === "+" && parent.childForFieldName("right")?.id === current.id) return LEASE_PREFIX.test(text ?? "");
    if (operator === "%" && left?.id !== current.id) return /Second-%/.test(text ?? "");
    return false;
  }
  // `f"Second-{...}"`: the string's text right before the interpolation.
  if (parent?.type === "interpolation") {
    const before = parent.previousSibling;
    return before?.type === "string_content" && LEASE_PREFIX.test(before.text);
  }
  return false;
}

// Whether `fn` sends its parameter `name` as a lease (some read of it is, and `name` is a parameter of `fn`).
function sendsLease(facts: PyFacts, fn: TsNode, name: string, hops: number): boolean {
  const parameters = fn.childForFieldName("parameters");
  const body = fn.childForFieldName("body");
  if (!parameters || !body || !parameters.namedChildren.some((p) => p && parameterName(p) === name)) return false;
  // Every identifier, those inside f-strings too (`occurrences` skips string text).
  const reads = body.descendantsOfType("identifier").filter((found): found is TsNode => found?.text === name);
  return (
    reads.some((found) => formattedAsLease(found)) ||
    (hops < MAX_HOPS && reads.some((found) => handedAsLease(facts, outermost(found), hops + 1)))
  );
}

// `self.async_subscribe(service, timeout)`, `self._async_do_resubscribe(service, sid, timeout=timeout)`: handed to a
// function or method of the file whose parameter it fills is sent as a lease.
function handedAsLease(facts: PyFacts, argument: TsNode, hops: number): boolean {
  const slot = argumentSlot(argument, false);
  if (!slot) return false;
  const { keyword, list, call, written } = slot;
  // `self.method(...)`: the class's own method (its first parameter is `self`), or else the file's class or function.
  const method = /^self\.(\w+)$/.exec(written)?.[1];
  const cls = method ? enclosingClass(call) : undefined;
  const own = cls && method ? resolveMethod(cls, method) : undefined;
  const callee: Callee | undefined = own ? { fn: own, kind: "call", offset: 1 } : calleeOf(call, written);
  if (!callee || callee.kind === "base") return false;
  const parameter = keyword ? keyword.childForFieldName("name")?.text : positionalParameter(callee, list, argument);
  return parameter !== undefined && sendsLease(facts, callee.fn, parameter, hops);
}

function parameterName(parameter: TsNode): string | undefined {
  if (parameter.type === "identifier") return parameter.text;
  if (parameter.type === "typed_parameter") return parameter.namedChildren.find((c) => c?.type === "identifier")?.text;
  return parameter.childForFieldName("name")?.text;
}
