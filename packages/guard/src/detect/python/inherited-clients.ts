// A client class that IS a library's network client: `class RestfulHttp(httplib2.Http)` whose constructor hands its
// `timeout=None` to the base's `__init__` (`super(RestfulHttp, self).__init__(cache, timeout, ...)`). The object is
// then that client, and every request it makes later waits with the None: httplib2's None (like the standard
// library's clients') leaves the socket on the socket module's default, which is "no limit" unless the program calls
// `socket.setdefaulttimeout(...)`.
import type { Node as TsNode } from "web-tree-sitter";
import { baseInitOf, classBases } from "./base-init.ts";
import { classOf, positionalIndex } from "./callees.ts";
import type { PyFacts } from "./facts.ts";
import { python3Name, setsDefault } from "./socket-default.ts";

// The base classes, as the file's imports resolve them (Python 2's and six's names mapped), and the place of `timeout` among their `__init__`'s
// arguments after `self` (httplib2's `Http(cache=None, timeout=None, ...)`; the standard library's as in the API
// table, `apis.ts`; the SSL variants, whose places changed across Python versions, are left out). Each takes it as
// `timeout=` too.
const CLIENT_BASES: ReadonlyMap<string, { place: number; keywords: readonly string[] }> = new Map([
  ["httplib2.Http", { place: 1, keywords: ["timeout"] }],
  ["http.client.HTTPConnection", { place: 2, keywords: ["timeout"] }],
  ["http.client.HTTPSConnection", { place: 2, keywords: ["timeout"] }],
  ["imaplib.IMAP4", { place: 2, keywords: ["timeout"] }],
  ["poplib.POP3", { place: 2, keywords: ["timeout"] }],
  ["smtplib.SMTP", { place: 3, keywords: ["timeout"] }],
  ["ftplib.FTP", { place: 4, keywords: ["timeout"] }],
  ["telnetlib.Telnet", { place: 2, keywords: ["timeout"] }],
  // pySerial's port keeps `timeout` (reads) and `write_timeout` (writes); None there blocks until the data comes
  // (aioserial's `class AioSerial(serial.Serial)` handing its own None defaults to `super().__init__`, fresh120).
  ["serial.Serial", { place: 5, keywords: ["timeout", "write_timeout"] }],
]);

/**
 * Whether the constructor `fn` hands `argument` (a use of its parameter, positional in `list` or the value of
 * `keyword`) to its base's `__init__` as the timeout of a network client class that base is (`written`: the callee as
 * written, whitespace removed). The base must be one of the class's own bases (the first, for `super()`), and no module
 * of the package may set the socket default (`socket-default.ts`).
 */
export function handedToClientBase(
  facts: PyFacts,
  fn: TsNode,
  list: TsNode,
  argument: TsNode,
  keyword: TsNode | undefined,
  written: string,
): boolean {
  const cls = classOf(fn);
  const baseInit = baseInitOf(written, cls);
  if (!baseInit || !classBases(cls).includes(baseInit.base)) return false;
  const base = baseInit.base;
  const client = CLIENT_BASES.get(python3Name(facts.resolve(base)));
  if (client === undefined) return false;
  if (keyword) {
    if (!client.keywords.includes(keyword.childForFieldName("name")?.text ?? "")) return false;
  } else if (positionalIndex(list, argument) - (baseInit.selfPassed ? 1 : 0) !== client.place) return false;
  return !setsDefault(facts, fn);
}
