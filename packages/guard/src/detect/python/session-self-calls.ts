// A class that IS a requests or httpx session (`class APIClient(requests.Session)`, podman's) makes its requests as
// `self.request(...)` / `self.get(...)`: those are the library's own request methods, whose `timeout=` bounds the wait
// and whose None means no limit (requests has no default; an httpx client's None switches its 5 s default off). So a
// setting read there reaches a wait as it would on `requests.get(...)`.
import type { Node as TsNode } from "web-tree-sitter";
import { classBases } from "./base-init.ts";
import { enclosingClass } from "./callees.ts";
import type { PyFacts } from "./facts.ts";

/** The session classes, as the file's imports resolve a base. */
const SESSIONS = new Set([
  "requests.Session",
  "requests.sessions.Session",
  "httpx.Client",
  "httpx.AsyncClient",
  "httpx2.Client",
  "httpx2.AsyncClient",
]);

const REQUEST_METHODS = /^self\.(request|get|post|put|patch|delete|head|options)$/;

/** Whether `call` (written `written`) is `self.<request method>(...)` in a class based on a requests or httpx session. */
export function sessionSelfCall(facts: PyFacts, call: TsNode, written: string): boolean {
  if (!REQUEST_METHODS.test(written)) return false;
  return classBases(enclosingClass(call)).some((base) => SESSIONS.has(facts.resolve(base)));
}
