// Requests a test answers in-process: an HTTP call that reaches a double of the network bounds nothing, and has no
// wait to leave unbounded. Decided by what the test installs around the call and which URL the call asks for, never by
// the test's name:
// - wsgi-intercept (`wsgi_intercept.interceptor.RequestsInterceptor(app, host=..., port=...)` as a context manager,
//   or a class built on one of its modules, `installer_class(requests_intercept)`): requests to the host and port it
//   intercepts are answered by the WSGI app in-process; any other host goes to the network (wsgi-intercept's docs:
//   "intercepts ... to a particular host and port"), so only the URL the interceptor yields (`as url`), the URL it was
//   given (`url=`) or a URL of its `host=` counts.
// - requests-mock kept by a test class (`self.requests_mock.get(...)`, `register_uri`: its testtools fixture, started
//   in a `setUp`, possibly a base class's): every test of the class sends its requests to the Mocker.
// - a URL the test registered a canned response for on a double (`self.network.get("http://test.com", text="data")`
//   then `requests.get("http://test.com")`): the double answers it.
// - respx or requests-mock installed by the test's own signature or decorators (`http-mocked-tests.ts`).
import type { Node as TsNode } from "web-tree-sitter";
import type { PyFacts } from "./facts.ts";
import { inHttpMockedTest } from "./http-mocked-tests.ts";
import { calleeText, enclosingFunction, keywordArgument, stringContent, unwrap } from "./syntax.ts";

const INTERCEPT_MODULE = "wsgi_intercept";
// requests-mock's Mocker methods that register a response for a URL.
const REGISTER_METHODS = "register_uri|get|post|put|patch|delete|head|options|request";
const REGISTERS = new RegExp(`^(${REGISTER_METHODS})$`);
// A test class's attribute holding requests-mock's fixture (its documented testtools usage), called to register.
const CLASS_MOCKER = new RegExp(String.raw`\bself\.requests_mock\.(${REGISTER_METHODS})\s*\(`);

/** An HTTP call (`requests.get(url)`) answered by a test's double of the network, not by a server. */
export function answeredInProcess(facts: PyFacts, call: TsNode): boolean {
  return (
    intercepted(facts, call) ||
    classMocksRequests(facts, call) ||
    registeredOnDouble(facts, call) ||
    inHttpMockedTest(facts, call)
  );
}

// The URL a requests/httpx call asks for: its first positional argument, or `url=`.
function requestUrl(call: TsNode): TsNode | undefined {
  const args = call.childForFieldName("arguments")?.namedChildren ?? [];
  const first = args[0];
  if (first && first.type !== "keyword_argument" && first.type !== "list_splat" && first.type !== "dictionary_splat")
    return unwrap(first);
  const url = keywordArgument(call, "url");
  return url ? unwrap(url) : undefined;
}

// Inside `with <wsgi-intercept interceptor> [as url]:`, asking for the host it intercepts.
function intercepted(facts: PyFacts, call: TsNode): boolean {
  if (!facts.importsModule(INTERCEPT_MODULE)) return false;
  const url = requestUrl(call);
  if (!url) return false;
  for (let current = call.parent; current && current.type !== "function_definition"; current = current.parent) {
    const body = current.type === "with_statement" ? current.childForFieldName("body") : null;
    if (!body || call.startIndex < body.startIndex) continue;
    for (const item of withItems(current)) {
      const value = item.childForFieldName("value");
      const source = value?.type === "as_pattern" ? value.namedChildren[0] : value;
      if (source?.type !== "call" || !isInterceptor(facts, source)) continue;
      const alias = value?.type === "as_pattern" ? value.childForFieldName("alias")?.text.trim() : undefined;
      if (interceptsUrl(facts, source, alias, url)) return true;
    }
  }
  return false;
}

function withItems(statement: TsNode): TsNode[] {
  const clause = statement.namedChildren.find((child) => child?.type === "with_clause");
  return (clause?.namedChildren ?? []).filter((child): child is TsNode => child?.type === "with_item");
}

// `RequestsInterceptor(...)` from wsgi_intercept, or `InstalledApp(...)` after `InstalledApp =
// installer_class(requests_intercept)` (a class made from one of wsgi_intercept's modules).
function isInterceptor(facts: PyFacts, call: TsNode): boolean {
  const written = calleeText(call);
  if (inInterceptModule(facts, written)) return true;
  const made = /^\w+$/.test(written) ? facts.moduleValue(written) : undefined;
  if (made?.type !== "call") return false;
  if (inInterceptModule(facts, calleeText(made))) return true;
  return (made.childForFieldName("arguments")?.namedChildren ?? []).some(
    (argument) =>
      (argument?.type === "identifier" || argument?.type === "attribute") &&
      inInterceptModule(facts, argument.text.replace(/\s+/g, "")),
  );
}

function inInterceptModule(facts: PyFacts, written: string): boolean {
  const path = facts.resolve(written);
  return path === INTERCEPT_MODULE || path.startsWith(`${INTERCEPT_MODULE}.`);
}

// The interceptor yields the URL (`as url`), was given it (`url=url`), or intercepts its host (and port, if both are
// written).
function interceptsUrl(facts: PyFacts, interceptor: TsNode, alias: string | undefined, url: TsNode): boolean {
  if (url.type === "identifier" && url.text === alias) return true;
  const given = keywordArgument(interceptor, "url");
  if (given && url.type === "identifier" && unwrap(given).text === url.text) return true;
  const asked = hostOf(stringValue(facts, url));
  const host = stringValue(facts, keywordArgument(interceptor, "host")) ?? hostOf(stringValue(facts, given))?.host;
  if (!asked || host === undefined || asked.host !== host.toLowerCase()) return false;
  const port = keywordArgument(interceptor, "port");
  return port?.type !== "integer" || Number(port.text) === asked.port;
}

// A string literal, or a module constant holding one (`HOST = 'some_domain'`).
function stringValue(facts: PyFacts, node: TsNode | undefined): string | undefined {
  if (!node) return undefined;
  const value = unwrap(node);
  if (value.type === "string") return stringContent(value);
  if (value.type !== "identifier") return undefined;
  const held = facts.moduleValue(value.text);
  return held?.type === "string" ? stringContent(held) : undefined;
}

function hostOf(url: string | undefined): { host: string; port: number } | undefined {
  const match = url === undefined ? null : /^(https?):\/\/([^/:?#]+)(?::(\d+))?/i.exec(url);
  if (!match) return undefined;
  const port = match[3] ? Number(match[3]) : match[1]!.toLowerCase() === "https" ? 443 : 80;
  return { host: match[2]!.toLowerCase(), port };
}

// A method of a test class that registers responses on `self.requests_mock`: the class's tests run under the Mocker.
// Read once per class and file (a class's text is as long as the class).
function classMocksRequests(facts: PyFacts, call: TsNode): boolean {
  for (let current = call.parent; current; current = current.parent) {
    if (current.type !== "class_definition") continue;
    const known = cacheOf(facts).classes;
    let mocks = known.get(current.startIndex);
    if (mocks === undefined) known.set(current.startIndex, (mocks = CLASS_MOCKER.test(current.text)));
    return mocks;
  }
  return false;
}

// `self.network.get("http://test.com", text="data")` on a double, then `requests.get("http://test.com")` in the
// same test: the request asks for a URL the test gave the double a response for. Each function's registrations are
// read once (a function with many requests stays linear).
function registeredOnDouble(facts: PyFacts, call: TsNode): boolean {
  const url = requestUrl(call);
  const fn = enclosingFunction(call);
  if (!url || !fn || (url.type !== "string" && url.type !== "identifier" && url.type !== "attribute")) return false;
  const known = cacheOf(facts).registered;
  let registered = known.get(fn.startIndex);
  if (registered === undefined) known.set(fn.startIndex, (registered = registrations(facts, fn)));
  const at = registered.get(url.text.replace(/\s+/g, ""));
  return at !== undefined && at < call.startIndex;
}

// The URLs a function registers on doubles (`m.get(url, ...)`, `m.register_uri("GET", url, ...)`), each with where
// it is first registered.
function registrations(facts: PyFacts, fn: TsNode): Map<string, number> {
  const urls = new Map<string, number>();
  for (const other of fn.descendantsOfType("call")) {
    const callee = other?.childForFieldName("function");
    const method = callee?.type === "attribute" ? callee.childForFieldName("attribute")?.text : undefined;
    if (!other || !method || !REGISTERS.test(method) || !facts.doubles.calledOnDouble(other)) continue;
    const args = (other.childForFieldName("arguments")?.namedChildren ?? []).filter(
      (a) => a !== null && a.type !== "keyword_argument",
    );
    const registered = method === "register_uri" ? args[1] : args[0];
    const key = registered?.text.replace(/\s+/g, "");
    if (key !== undefined && !urls.has(key)) urls.set(key, other.startIndex);
  }
  return urls;
}

// Per file: which classes keep a Mocker, and each function's registered URLs (by start offset).
const caches = new WeakMap<PyFacts, { classes: Map<number, boolean>; registered: Map<number, Map<string, number>> }>();
function cacheOf(facts: PyFacts): { classes: Map<number, boolean>; registered: Map<number, Map<string, number>> } {
  let cache = caches.get(facts);
  if (!cache) caches.set(facts, (cache = { classes: new Map(), registered: new Map() }));
  return cache;
}
