// A client class that IS a library's network client: `class RestfulHttp(httplib2.Http)` whose constructor hands its
// `timeout=None` to the base's `__init__` (`super(RestfulHttp, self).__init__(cache, timeout, ...)`). The object is
// then that client, and every request it makes later waits with the None: httplib2's None (like the standard
// library's clients') leaves the socket on the socket module's default, which is "no limit" unless the program calls
// `socket.setdefaulttimeout(...)`.
import type { Node as TsNode } from "web-tree-sitter";
import { classOf } from "./callees.ts";
import type { PyFacts } from "./facts.ts";
import { positionalIndex } from "./package-callees.ts";
import { python3Name, setsDefault } from "./socket-default.ts";

// The base classes, as the file's imports resolve them (Python 2's and six's names mapped), and the place of `timeout` among their `__init__`'s
// arguments after `self` (httplib2's `Http(cache=None, timeout=None, ...)`; the standard library's as in the API
// table, `apis.ts`; the SSL variants, whose places changed across Python versions, are left out). Each takes it as
// `timeout=` too.
const CLIENT_BASES: ReadonlyMap<string, number> = new Map([
  ["httplib2.Http", 1],
  ["http.client.HTTPConnection", 2],
  ["http.client.HTTPSConnection", 2],
  ["imaplib.IMAP4", 2],
  ["poplib.POP3", 2],
  ["smtplib.SMTP", 3],
  ["ftplib.FTP", 4],
  ["telnetlib.Telnet", 2],
]);

// `super().__init__`, `super(RestfulHttp, self).__init__`; `Http.__init__` (with `self` first) is matched apart.
const SUPER_INIT = /^super\((\w+,self)?\)\.__init__$/;
const EXPLICIT_INIT = /^([\w.]+)\.__init__$/;

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
  const viaSuper = SUPER_INIT.test(written);
  const explicit = viaSuper ? undefined : EXPLICIT_INIT.exec(written)?.[1];
  if (!viaSuper && explicit === undefined) return false;
  const bases = (classOf(fn)?.childForFieldName("superclasses")?.namedChildren ?? [])
    .filter((base): base is TsNode => base !== null && (base.type === "identifier" || base.type === "attribute"))
    .map((base) => base.text.replace(/\s+/g, ""));
  const base = viaSuper ? bases[0] : explicit;
  if (base === undefined || !bases.includes(base)) return false;
  const place = CLIENT_BASES.get(python3Name(facts.resolve(base)));
  if (place === undefined) return false;
  if (keyword) {
    if (keyword.childForFieldName("name")?.text !== "timeout") return false;
  } else if (positionalIndex(list, argument) - (explicit === undefined ? 0 : 1) !== place) return false;
  return !setsDefault(facts, fn);
}
