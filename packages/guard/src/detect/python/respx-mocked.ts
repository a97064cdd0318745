// httpx calls of a test that respx answers in-process: respx replaces httpx's transport for the test, so a request
// reaches its router, not a server, and neither a client's default timeout nor its absence bounds anything. The test
// shows it by its own signature: respx's pytest fixture `respx_mock`, a fixture parameter annotated as a respx router
// (bimmer_connected's `async def test_...(bmw_fixture: respx.Router)`, whose fixture yields a started router), or a
// `@respx.mock` decorator. Only in a file that imports respx.
import type { Node as TsNode } from "web-tree-sitter";
import type { PyFacts } from "./facts.ts";

/** `respx.Router`, `respx.MockRouter`, `MockRouter` (imported from respx): the annotation of a router fixture. */
const ROUTER_TYPE = /^(respx\.)?(Mock)?Router$/;

/** Whether `call` sits in a test function whose signature or decorators install respx. */
export function respxMocked(facts: PyFacts, call: TsNode): boolean {
  if (!facts.importsModule("respx")) return false;
  for (let current = call.parent; current; current = current.parent) {
    if (current.type !== "function_definition") continue;
    if (routerParameter(current) || respxDecorated(current)) return true;
  }
  return false;
}

function routerParameter(fn: TsNode): boolean {
  for (const parameter of fn.childForFieldName("parameters")?.namedChildren ?? []) {
    if (!parameter) continue;
    if (parameter.type === "identifier" && parameter.text === "respx_mock") return true;
    const name = parameter.childForFieldName("name")?.text ?? parameter.namedChildren[0]?.text;
    if (name === "respx_mock") return true;
    const type = parameter.childForFieldName("type")?.text.replace(/\s+/g, "");
    if (type !== undefined && ROUTER_TYPE.test(type)) return true;
  }
  return false;
}

function respxDecorated(fn: TsNode): boolean {
  const decorated = fn.parent?.type === "decorated_definition" ? fn.parent : undefined;
  for (const decorator of decorated?.namedChildren ?? [])
    if (decorator?.type === "decorator" && /^@\s*respx\.mock\b/.test(decorator.text)) return true;
  return false;
}
