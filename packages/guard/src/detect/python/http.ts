// requests and httpx: sessions made without a timeout, and HTTP calls that pass none.
import type { Node as TsNode } from "web-tree-sitter";
import { implicitDefaultMessage, missingTimeoutMessage } from "../../messages.ts";
import type { RawFinding } from "../types.ts";
import type { PyFacts } from "./facts.ts";
import { inAssertion } from "./context.ts";
import { boundToData } from "./data-receivers.ts";
import { answeredInProcess } from "./intercepted.ts";
import { keywordArgument } from "./syntax.ts";

type Library = "requests" | "httpx";

const HTTP_METHODS = new Set(["get", "post", "put", "patch", "delete", "head", "options", "request", "stream"]);
const HTTP_MODULES = new Set(["requests", "httpx"]);
// requests' own session and the published subclasses of it that add authentication or a base URL but no timeout
// (requests-oauthlib's `OAuth2Session`/`OAuth1Session`, requests-toolbelt's `BaseUrlSession`): each request they make
// waits as long as requests does, without a limit unless the call gives one.
const REQUESTS_SESSIONS = [
  "requests.Session",
  "requests.session",
  "requests.sessions.Session",
  "requests_oauthlib.OAuth2Session",
  "requests_oauthlib.OAuth1Session",
  "requests_oauthlib.oauth2_session.OAuth2Session",
  "requests_oauthlib.oauth1_session.OAuth1Session",
  "requests_toolbelt.sessions.BaseUrlSession",
];
export const SESSION_CLASSES = new Set([...REQUESTS_SESSIONS, "httpx.Client", "httpx.AsyncClient"]);

export function sessionLibrary(facts: PyFacts, call: TsNode): Library {
  return facts.resolve(call.childForFieldName("function")?.text ?? "").startsWith("httpx") ? "httpx" : "requests";
}

// `requests.Session()`, `httpx.Client()` made without a timeout of its own (or with `timeout=None`).
export function isUnboundedSession(facts: PyFacts, node: TsNode): boolean {
  if (node.type !== "call") return false;
  const callee = node.childForFieldName("function");
  if (!callee || !SESSION_CLASSES.has(facts.resolve(callee.text))) return false;
  // `httpx.AsyncClient(transport=httpx.ASGITransport(app=app))`: httpx applies no timeout in-process.
  if (facts.doubles.isInProcessClient(node)) return false;
  const timeout = keywordArgument(node, "timeout");
  return timeout === undefined || timeout.type === "none";
}

// `target = value`: the session a value holds when it is assigned: a session made there without a timeout, a requests
// session made unless the caller gave one (`session or requests.Session()`, `session if session else
// requests.Session()`), or a name that an assignment of the same function (`earlier`, in document order) gave one
// (`if not session: session = requests.Session()` then `self._session = session`: influxdb's client keeps it under
// another name and waits with it in other methods). A requests session has no timeout of its own, so the caller's one
// the name may hold instead is no different; an httpx client may carry the caller's timeout, so only one made on the
// spot counts.
export function noteSession(facts: PyFacts, target: string, value: TsNode, earlier?: readonly TsNode[]): void {
  const library = sessionHeld(facts, value, earlier);
  if (library) facts.sessions.set(target, library);
}

function sessionHeld(facts: PyFacts, value: TsNode, earlier: readonly TsNode[] | undefined): Library | undefined {
  if (isUnboundedSession(facts, value)) return sessionLibrary(facts, value);
  if (requestsSessionEitherWay(facts, value)) return "requests";
  if (value.type !== "identifier") return undefined;
  for (const assignment of earlier ?? []) {
    const source = assignment.type === "assignment" ? assignment.childForFieldName("right") : null;
    if (source && (madeRequestsSession(facts, source) || requestsSessionEitherWay(facts, source))) return "requests";
  }
  return undefined;
}

function madeRequestsSession(facts: PyFacts, value: TsNode): boolean {
  return isUnboundedSession(facts, value) && sessionLibrary(facts, value) === "requests";
}

// `session or requests.Session()`, `session if session else requests.Session()`: the caller's session or a new one.
function requestsSessionEitherWay(facts: PyFacts, value: TsNode): boolean {
  let parts: (TsNode | null)[];
  if (value.type === "boolean_operator" && value.childForFieldName("operator")?.text === "or")
    parts = [value.childForFieldName("left"), value.childForFieldName("right")];
  else if (value.type === "conditional_expression")
    parts = [value.namedChildren[0] ?? null, value.namedChildren[2] ?? null];
  else return false;
  return (
    parts.some((part) => part !== null && madeRequestsSession(facts, part)) &&
    parts.every(
      (part) => part !== null && (/^(identifier|attribute)$/.test(part.type) || madeRequestsSession(facts, part)),
    )
  );
}

// The HTTP library a call without `timeout=` goes through (`requests.get`, `session.get`), if any.
export function callNeedsTimeout(facts: PyFacts, path: string, written: string): Library | undefined {
  const dot = path.lastIndexOf(".");
  if (dot < 0) return undefined;
  const method = path.slice(dot + 1);
  if (!HTTP_METHODS.has(method)) return undefined;
  const object = path.slice(0, dot);
  if (HTTP_MODULES.has(object)) return object as Library;
  const writtenObject = written.slice(0, written.lastIndexOf("."));
  return facts.sessions.get(writtenObject);
}

// `requests.get(url)` or `session.get(url)` without `timeout=`: requests waits forever; httpx bounds every
// call at 5 s by default (hardcoded in the library, not unbounded).
export function missingTimeoutFinding(
  facts: PyFacts,
  node: TsNode,
  callee: TsNode,
  args: TsNode,
  path: string,
  written: string,
): RawFinding | undefined {
  const library =
    callNeedsTimeout(facts, path, written) ??
    (isCallOnFreshSession(facts, callee) ? freshSessionLibrary(facts, callee) : undefined);
  // `requests = parse_qs(query)` then `requests.get("params")`: a lookup in the file's own data.
  if (!library || boundToData(facts, callee, HTTP_MODULES)) return undefined;
  const hasTimeout = keywordArgument(node, "timeout") !== undefined;
  const hasSplat = args.namedChildren.some((a) => a?.type === "dictionary_splat");
  if (hasTimeout || hasSplat || inAssertion(node)) return undefined;
  const mocked = facts.doubles.patched(node).http || facts.doubles.calledOnDouble(node);
  if (mocked || answeredInProcess(facts, node)) return undefined;
  return {
    ruleId: library === "httpx" ? "no-hardcoded-timeout" : "no-unbounded-timeout",
    start: node.startIndex,
    end: node.endIndex,
    message: library === "httpx" ? implicitDefaultMessage(written) : missingTimeoutMessage(written),
  };
}

// `requests.Session().get(url)`: a session made on the spot has no timeout of its own either.
function isCallOnFreshSession(facts: PyFacts, callee: TsNode): boolean {
  if (callee.type !== "attribute" || !HTTP_METHODS.has(callee.childForFieldName("attribute")?.text ?? "")) return false;
  const object = callee.childForFieldName("object");
  return object !== null && isUnboundedSession(facts, object);
}

function freshSessionLibrary(facts: PyFacts, callee: TsNode): Library {
  const object = callee.childForFieldName("object")?.childForFieldName("function")?.text ?? "";
  return facts.resolve(object.replace(/\s+/g, "")).startsWith("httpx") ? "httpx" : "requests";
}
