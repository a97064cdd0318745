// The standard library's network clients called without a timeout: `urllib.request.urlopen(url)`,
// `http.client.HTTPConnection(host)`, `socket.create_connection(address)`, `ftplib.FTP(host)`, `smtplib.SMTP(host)`,
// `telnetlib.Telnet(host)`, `poplib.POP3(host)`, `imaplib.IMAP4(host)`, and the two that take none at all,
// `urllib.request.urlretrieve(url)` and `xmlrpc.client.ServerProxy(uri)`. They wait with the socket module's global
// default timeout, which is None ("no limit") unless the program calls `socket.setdefaulttimeout(seconds)`: a package
// that does so anywhere (or, checked alone, the file) is taken to bound them, unless it saves the old default to put
// it back (a limit for one function or `with` block, which bounds only the calls made there). Receivers by import
// only: urllib3's `pool.urlopen(...)` and a class's own `self.urlopen(...)` are other functions.
import type { Node as TsNode } from "web-tree-sitter";
import { socketDefaultMessage } from "../../messages.ts";
import type { RawFinding } from "../types.ts";
import { inAssertion } from "./context.ts";
import type { PyFacts } from "./facts.ts";
import { answeredInProcess } from "./intercepted.ts";
import { capturePython } from "./parser.ts";
import { calleeText, enclosingFunction, keywordArgument, stringContent, unwrap } from "./syntax.ts";

interface Api {
  /** Where the timeout goes as a positional argument (0-based; Infinity: keyword only); absent when it takes none. */
  readonly position?: number;
  /** Opens its connection only when given a host (`FTP()` connects later, through `connect(host, timeout=...)`). */
  readonly host?: true;
  /** A keyword that may bring its own bound instead (ServerProxy's `transport`), with its positional place. */
  readonly instead?: readonly [keyword: string, position: number];
  /** The first argument is a URL (a `file:` URL or an empty probe fetches nothing over the network). */
  readonly url?: true;
}

// By the Python 3 path. The HTTPS/SSL variants take key and certificate files before the timeout (up to Python 3.11;
// 3.12 made their timeout keyword-only), so `IMAP4_SSL(host, 993, None)` passes a keyfile, not a timeout.
const APIS: Readonly<Record<string, Api>> = {
  "urllib.request.urlopen": { position: 2, url: true },
  "urllib.request.urlretrieve": { url: true },
  "http.client.HTTPConnection": { position: 2 },
  "http.client.HTTPSConnection": { position: 4 },
  "socket.create_connection": { position: 1 },
  "ftplib.FTP": { position: 4, host: true },
  "ftplib.FTP_TLS": { position: 7, host: true },
  "smtplib.SMTP": { position: 3, host: true },
  "smtplib.SMTP_SSL": { position: 5, host: true },
  "telnetlib.Telnet": { position: 2, host: true },
  "poplib.POP3": { position: 2, host: true },
  "poplib.POP3_SSL": { position: Number.POSITIVE_INFINITY, host: true },
  "imaplib.IMAP4": { position: 2, host: true },
  "imaplib.IMAP4_SSL": { position: 5, host: true },
  "xmlrpc.client.ServerProxy": { instead: ["transport", 1] },
};

// Python 2's names and six's, for the same functions (`from urllib2 import urlopen` as an ImportError fallback).
const ALIASES: readonly (readonly [RegExp, string])[] = [
  [/^six\.moves\./, ""],
  [/^urllib2\./, "urllib.request."],
  [/^(httplib|http_client)\./, "http.client."],
  [/^(xmlrpclib|xmlrpc_client)\./, "xmlrpc.client."],
];

// Whether the file a checked call is in sets the socket module's default, decided once per file.
const fileSetsDefault = new WeakMap<PyFacts, boolean>();

/** A standard-library path under its Python 3 name (`httplib.HTTPConnection`, `six.moves.http_client.X`). */
export function python3Name(path: string): string {
  let canonical = path;
  for (const [alias, module] of ALIASES) canonical = canonical.replace(alias, module);
  return canonical;
}

function apiOf(path: string): readonly [string, Api] | undefined {
  const canonical = python3Name(path);
  // Own keys only: a call of a local named `constructor` or `toString` must not find Object's prototype.
  const api = Object.hasOwn(APIS, canonical) ? APIS[canonical] : undefined;
  return api ? [canonical, api] : undefined;
}

/** A standard-library network call (`urlopen(url)`) that waits with the socket's default, no limit, if any. */
export function socketDefaultFinding(facts: PyFacts, node: TsNode, args: TsNode, path: string): RawFinding | undefined {
  const found = apiOf(path);
  if (!found) return undefined;
  const [canonical, api] = found;
  const all = args.namedChildren.filter((arg): arg is TsNode => arg !== null);
  // `urlopen(*args)`, `HTTPConnection(host, **kwargs)`: what they pass is not known.
  if (all.some((arg) => arg.type === "list_splat" || arg.type === "dictionary_splat")) return undefined;
  const positional = all.filter((arg) => arg.type !== "keyword_argument");
  if (keywordArgument(node, "timeout") !== undefined) return undefined;
  if (api.position !== undefined && positional.length > api.position) return undefined;
  if (api.instead && (keywordArgument(node, api.instead[0]) || positional.length > api.instead[1])) return undefined;
  if (api.host && positional.length === 0 && keywordArgument(node, "host") === undefined) return undefined;
  if (api.url && positional[0] && fetchesNothing(unwrap(positional[0]))) return undefined;
  if (setsDefault(facts, node) || inScopedSocketDefault(node, facts) || inAssertion(node)) return undefined;
  // A test that patches something (`@mock.patch("urllib.request.urlopen")`), or whose request a double answers.
  if (facts.doubles.patched(node).any || facts.doubles.calledOnDouble(node) || answeredInProcess(facts, node))
    return undefined;
  const written = node.childForFieldName("function")!.text.replace(/\s+/g, "");
  return {
    ruleId: "no-unbounded-timeout",
    start: node.startIndex,
    end: node.endIndex,
    message: socketDefaultMessage(written, api.position !== undefined, canonical),
  };
}

// `urlopen("file:///...")`, `urlopen("file://" + path)`, `urlopen(f"file://{path}")`, `urlopen(path.as_uri())`,
// skyfield's `urlopen("")` probe: no server to wait for.
function fetchesNothing(url: TsNode): boolean {
  if (url.type === "string" && stringContent(url) === "") return true;
  return localScheme(url) || /\.as_uri\(\)$|(^|\.)pathname2url\(/.test(url.text);
}

// A string (f-string included) whose leading literal text is a `file:` or `data:` URL, or a sum that starts with one.
function localScheme(node: TsNode): boolean {
  if (node.type === "binary_operator") {
    const left = node.childForFieldName("left");
    return node.childForFieldName("operator")?.text === "+" && left !== null && localScheme(unwrap(left));
  }
  if (node.type !== "string") return false;
  const first = node.namedChildren.find((child) => child?.type !== "string_start");
  return first?.type === "string_content" && /^(file|data):/i.test(first.text);
}

// The package (or, checked alone, the file) sets the socket module's default timeout somewhere.
export function setsDefault(facts: PyFacts, node: TsNode): boolean {
  const known = facts.options.python?.defaultTimeout ?? fileSetsDefault.get(facts);
  if (known !== undefined) return known;
  const sets = facts.fileCode().includes("setdefaulttimeout") && setsSocketDefault(node.tree.rootNode, facts);
  fileSetsDefault.set(facts, sets);
  return sets;
}

/**
 * Whether a module calls `socket.setdefaulttimeout(x)` (through its imports) with a limit for the whole program: `x`
 * neither None nor a name the module binds only to None (`TIMEOUT = None; socket.setdefaulttimeout(TIMEOUT)` puts back
 * "no limit"), in a function that does not save the old default to put it back (`scopedSetter`: that limit holds only
 * while the function runs).
 */
export function setsSocketDefault(root: TsNode, imports: { resolve(dotted: string): string }): boolean {
  return limitingSetters(root, imports).some((call) => scopedSetter(call) === undefined);
}

/**
 * Whether `node` runs while a limit set for a while holds: inside the function that saves the default, sets a limit and
 * puts the old one back (DisplayCAL's `download`, mnemosyne's `is_server_running`), or in a `with` block or a function
 * decorated by such a function of the module or one around it (kitty's `@contextmanager def socket_timeout(seconds)`
 * then `with socket_timeout(30):`; setuptools' decorator factory `socket_timeout(timeout=15)` then
 * `@socket_timeout(_SOCKET_TIMEOUT) def open_with_auth(...)`).
 */
export function inScopedSocketDefault(node: TsNode, facts: PyFacts): boolean {
  let found = scopedSetters.get(facts);
  if (!found) scopedSetters.set(facts, (found = scopedSettersOf(node, facts)));
  const { scoped, names } = found;
  if (scoped.length === 0) return false;
  const named = (within: TsNode | null) =>
    within !== null && capturePython(within, ["call", "identifier"]).some((n) => names.has(lastName(n)));
  for (let current = node.parent; current !== null; current = current.parent) {
    const around = current;
    if (scoped.some((fn) => fn.id === around.id)) return true;
    if (around.type === "with_statement" && named(around.firstNamedChild)) return true;
    if (around.type === "decorated_definition" && around.namedChildren.some((d) => d?.type === "decorator" && named(d)))
      return true;
  }
  return false;
}

// The functions of a file that set a socket default for a while, with their names and those of the functions around
// them (a decorator factory's).
const scopedSetters = new WeakMap<PyFacts, { scoped: TsNode[]; names: Set<string | undefined> }>();

function scopedSettersOf(node: TsNode, facts: PyFacts): { scoped: TsNode[]; names: Set<string | undefined> } {
  const names = new Set<string | undefined>();
  if (!facts.fileCode().includes("getdefaulttimeout")) return { scoped: [], names };
  const scoped = limitingSetters(node.tree.rootNode, facts)
    .map(scopedSetter)
    .filter((fn): fn is TsNode => fn !== undefined);
  for (const fn of scoped)
    for (let around: TsNode | null = fn; around !== null; around = around.parent)
      if (around.type === "function_definition") names.add(around.childForFieldName("name")?.text);
  return { scoped, names };
}

// The name a call or an identifier ends in: `socket_timeout` for `utils.socket_timeout(30)`.
function lastName(node: TsNode): string | undefined {
  return (node.type === "call" ? calleeText(node) : node.text).split(".").pop();
}

// The module's `socket.setdefaulttimeout(x)` calls with a limit: `x` neither None nor a name bound only to None.
function limitingSetters(root: TsNode, imports: { resolve(dotted: string): string }): TsNode[] {
  const aliases = localAliases(root);
  return capturePython(root, ["call"]).filter((call) => {
    const callee = calleeText(call);
    const setter =
      (callee.endsWith("setdefaulttimeout") && imports.resolve(callee) === "socket.setdefaulttimeout") ||
      aliases.has(callee);
    if (!setter) return false;
    const given = keywordArgument(call, "timeout") ?? call.childForFieldName("arguments")?.namedChildren[0];
    return !!given && !isNone(root, unwrap(given));
  });
}

// sonata's launcher: `from socket import setdefaulttimeout as socketsettimeout` inside its `run()`, then
// `socketsettimeout(5)`: the names an import inside a function gives the setter (module-level imports resolve).
function localAliases(root: TsNode): Set<string> {
  const names = new Set<string>();
  if (!/from\s+socket\s+import[^\n]*setdefaulttimeout/.test(root.text)) return names;
  for (const statement of capturePython(root, ["import_from_statement"])) {
    if (statement.childForFieldName("module_name")?.text !== "socket") continue;
    for (const item of statement.childrenForFieldName("name")) {
      const imported = item?.type === "aliased_import" ? item.childForFieldName("name")?.text : item?.text;
      const local = item?.type === "aliased_import" ? item.childForFieldName("alias")?.text : item?.text;
      if (imported === "setdefaulttimeout" && local) names.add(local);
    }
  }
  return names;
}

// The function around a setter that first saves the default it changes (`old = socket.getdefaulttimeout()`).
function scopedSetter(call: TsNode): TsNode | undefined {
  const fn = enclosingFunction(call);
  return fn && /\bgetdefaulttimeout\s*\(/.test(fn.text) ? fn : undefined;
}

// `None`, or a name every assignment of which in the module (there is at least one) is `None`.
function isNone(root: TsNode, value: TsNode): boolean {
  if (value.type === "none") return true;
  if (value.type !== "identifier") return false;
  const assigned = capturePython(root, ["assignment"]).filter(
    (assignment) => assignment.childForFieldName("left")?.text === value.text,
  );
  return (
    assigned.length > 0 &&
    assigned.every((assignment) => {
      const right = assignment.childForFieldName("right");
      return right !== null && unwrap(right).type === "none";
    })
  );
}
