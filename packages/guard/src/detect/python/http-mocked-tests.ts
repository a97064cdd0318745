// Tests that replace the HTTP layer for their whole body: a request made in them reaches the mock's router, not a
// server, so neither a client's default timeout, nor its absence, nor a timeout handed to code under test bounds a
// real wait. The test shows it by its own signature or decorators (or its class's), in a file that imports the mock:
// - respx (httpx): its pytest fixture `respx_mock`, a fixture parameter annotated as a respx router (bimmer_connected's
//   `async def test_...(bmw_fixture: respx.Router)`, whose fixture yields a started router), `@respx.mock`;
// - requests-mock (requests): its pytest fixture `requests_mock`, `@requests_mock.Mocker()` / `@requests_mock.mock()`
//   on the test or on its `TestCase` class (podman's unit tests: `container.restart(timeout=10)` under the decorator);
// - a pytest fixture of the test's class, or of a base class in the same file, that patches the HTTP layer the code
//   under test imports (stripe's `request_mocks` fixture: `mocker.patch("stripe.http_client.%s" % (lib,))` for
//   requests, pycurl, urlfetch and urllib; every `RequestsClient(timeout=80)` its subclasses build sends to a mock).
import type { Node as TsNode } from "web-tree-sitter";
import { classBases } from "./base-init.ts";
import type { PyFacts } from "./facts.ts";
import { patchesHttp } from "./patched.ts";

interface HttpMock {
  /** The module the file must import. */
  readonly module: string;
  /** The mock's pytest fixture. */
  readonly fixture: string;
  /** Its decorator, as written after `@`. */
  readonly decorator: RegExp;
  /** An annotation that names one of its routers. */
  readonly annotation?: RegExp;
}

const MOCKS: readonly HttpMock[] = [
  { module: "respx", fixture: "respx_mock", decorator: /^respx\.mock\b/, annotation: /^(respx\.)?(Mock)?Router$/ },
  { module: "requests_mock", fixture: "requests_mock", decorator: /^requests_mock\.(Mocker|mock)\b/ },
];

/** Whether `call` sits in a test function (or a method of a test class) that installs an HTTP mock for its body. */
export function inHttpMockedTest(facts: PyFacts, call: TsNode): boolean {
  const mocks = MOCKS.filter((mock) => facts.importsModule(mock.module));
  for (let current = call.parent; current; current = current.parent) {
    if (current.type === "function_definition" && mocks.some((mock) => installs(current!, mock))) return true;
    if (current.type === "class_definition" && mocks.some((mock) => decorated(current!, mock))) return true;
    if (current.type === "class_definition" && fixturePatchesHttp(current, new Set())) return true;
  }
  return false;
}

// Per parsed file, the classes (by start) whose fixtures, or whose same-file bases' fixtures, patch the HTTP layer.
const patchingClasses = new WeakMap<object, Map<number, boolean>>();

function fixturePatchesHttp(cls: TsNode, seen: Set<number>): boolean {
  let known = patchingClasses.get(cls.tree);
  if (!known) patchingClasses.set(cls.tree, (known = new Map()));
  const cached = known.get(cls.startIndex);
  if (cached !== undefined) return cached;
  seen.add(cls.startIndex);
  let found = ownFixturePatchesHttp(cls);
  for (const base of found ? [] : classBases(cls)) {
    const definition = moduleClass(cls, base);
    if (definition && !seen.has(definition.startIndex) && fixturePatchesHttp(definition, seen)) {
      found = true;
      break;
    }
  }
  known.set(cls.startIndex, found);
  return found;
}

// A `@pytest.fixture` method of the class whose body patches the HTTP layer.
function ownFixturePatchesHttp(cls: TsNode): boolean {
  for (const member of cls.childForFieldName("body")?.namedChildren ?? []) {
    if (member?.type !== "decorated_definition") continue;
    const fixture = member.namedChildren.some(
      (child) => child?.type === "decorator" && /^@\s*pytest\.fixture\b/.test(child.text),
    );
    if (fixture && patchesHttp(member.text)) return true;
  }
  return false;
}

// The class a base's name refers to when the module itself defines it at top level.
function moduleClass(cls: TsNode, name: string): TsNode | undefined {
  for (const statement of cls.tree.rootNode.namedChildren) {
    const definition =
      statement?.type === "decorated_definition" ? statement.childForFieldName("definition") : statement;
    if (definition?.type === "class_definition" && definition.childForFieldName("name")?.text === name)
      return definition;
  }
  return undefined;
}

function installs(fn: TsNode, mock: HttpMock): boolean {
  return decorated(fn, mock) || fixtureParameter(fn, mock);
}

function fixtureParameter(fn: TsNode, mock: HttpMock): boolean {
  for (const parameter of fn.childForFieldName("parameters")?.namedChildren ?? []) {
    if (!parameter) continue;
    const name =
      parameter.type === "identifier"
        ? parameter.text
        : (parameter.childForFieldName("name")?.text ?? parameter.namedChildren[0]?.text);
    if (name === mock.fixture) return true;
    const type = parameter.childForFieldName("type")?.text.replace(/\s+/g, "");
    if (type !== undefined && mock.annotation?.test(type)) return true;
  }
  return false;
}

function decorated(definition: TsNode, mock: HttpMock): boolean {
  const outer = definition.parent?.type === "decorated_definition" ? definition.parent : undefined;
  for (const decorator of outer?.namedChildren ?? [])
    if (decorator?.type === "decorator" && mock.decorator.test(decorator.text.replace(/^@\s*/, ""))) return true;
  return false;
}
