// grpclib's `Channel.request(name, cardinality, request_type, reply_type, *, timeout=None, deadline=None)`
// (https://grpclib.readthedocs.io/en/latest/client.html): a stream opened with neither has no deadline, so the RPC
// waits for the server without limit; a None there is "no limit". Known by the receiver, never by the method name
// `request` alone: an object the file binds to `grpclib.client.Channel(...)`, or a parameter annotated as one that
// the class keeps (`def __init__(self, channel: "Channel"): self.channel = channel`, betterproto's `ServiceStub`).
import type { Node as TsNode } from "web-tree-sitter";
import { boundTo } from "./bound-objects.ts";
import { enclosingClass } from "./callees.ts";
import type { PyFacts } from "./facts.ts";
import { calleeText, enclosingFunction, unwrap } from "./syntax.ts";

const CHANNEL = /^grpclib\.client\.Channel$/;
const KEYWORDS = new Set(["timeout", "deadline"]);
// How many plain copies (`channel = self.channel`) are followed back to the constructor or the annotated parameter.
const COPIES = 2;

/** `self.channel.request(..., timeout=...)` on a grpclib channel: `name`'s None leaves the RPC without a limit. */
export function grpclibNoLimit(facts: PyFacts, call: TsNode, name: string): boolean {
  if (!KEYWORDS.has(name) || !facts.importsModule("grpclib")) return false;
  const callee = call.childForFieldName("function");
  if (callee?.type !== "attribute" || callee.childForFieldName("attribute")?.text !== "request") return false;
  const receiver = callee.childForFieldName("object");
  if (!receiver) return false;
  const made = (value: TsNode) => CHANNEL.test(facts.resolve(calleeText(value)));
  return boundTo(facts, made, receiver, COPIES) || annotatedChannel(facts, receiver, COPIES);
}

// A parameter annotated `Channel` (or `"Channel"`, `Optional[Channel]`) as the file's imports resolve it, or a name or
// attribute of the same class every binding of which is one.
function annotatedChannel(facts: PyFacts, value: TsNode, copies: number): boolean {
  if (value.type === "identifier") {
    const annotation = parameterAnnotation(value);
    if (annotation) return CHANNEL.test(facts.resolve(annotation));
  }
  if (copies === 0 || (value.type !== "identifier" && value.type !== "attribute")) return false;
  const owner = value.type === "attribute" && value.childForFieldName("object")?.text === "self";
  const cls = owner ? enclosingClass(value)?.id : undefined;
  const sources = facts
    .bindingSources(value)
    .filter((source): source is TsNode => source !== null && unwrap(source).type !== "none")
    .filter((source) => !owner || enclosingClass(source)?.id === cls);
  return sources.length > 0 && sources.every((source) => annotatedChannel(facts, unwrap(source), copies - 1));
}

// The annotation of the parameter `name` reads, when `name` is a parameter of its function that the body never
// rebinds: the type's dotted name without quotes or `Optional[...]`.
function parameterAnnotation(name: TsNode): string | undefined {
  const fn = enclosingFunction(name);
  for (const parameter of fn?.childForFieldName("parameters")?.namedChildren ?? []) {
    if (!parameter || !/^typed(_default)?_parameter$/.test(parameter.type)) continue;
    const own =
      parameter.type === "typed_parameter"
        ? parameter.namedChildren.find((child) => child?.type === "identifier")
        : parameter.childForFieldName("name");
    if (own?.text !== name.text) continue;
    const type = parameter.childForFieldName("type")?.text.replace(/\s+/g, "") ?? "";
    const bare = type.replace(/^["']|["']$/g, "").replace(/^(typing\.)?Optional\[["']?([\w.]+)["']?\]$/, "$2");
    return /^[\w.]+$/.test(bare) ? bare : undefined;
  }
  return undefined;
}
