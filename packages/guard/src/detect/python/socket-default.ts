// The standard library's network clients called without a timeout: `urllib.request.urlopen(url)`,
// `http.client.HTTPConnection(host)`, `socket.create_connection(address)`, `ftplib.FTP(host)`, `smtplib.SMTP(host)`,
// `telnetlib.Telnet(host)`, `poplib.POP3(host)`, `imaplib.IMAP4(host)`, and the two that take none at all,
// `urllib.request.urlretrieve(url)` and `xmlrpc.client.ServerProxy(uri)`. They wait with the socket module's global
// default timeout, which is None ("no limit") unless the program calls `socket.setdefaulttimeout(seconds)`: a package
// that does so anywhere (or, checked alone, the file) is taken to bound them. Receivers by import only: urllib3's
// `pool.urlopen(...)` and a class's own `self.urlopen(...)` are other functions.
import type { Node as TsNode } from "web-tree-sitter";
import { socketDefaultMessage } from "../../rules.ts";
import type { RawFinding } from "../types.ts";
import { inAssertion } from "./context.ts";
import type { PyFacts } from "./facts.ts";
import { answeredInProcess } from "./intercepted.ts";
import { keywordArgument, stringContent, unwrap } from "./syntax.ts";

interface Api {
  /** Where the timeout goes as a positional argument (0-based); absent when the call takes none. */
  readonly position?: number;
  /** Opens its connection only when given a host (`FTP()` connects later, through `connect(host, timeout=...)`). */
  readonly host?: true;
  /** A keyword that may bring its own bound instead (ServerProxy's `transport`), with its positional place. */
  readonly instead?: readonly [keyword: string, position: number];
  /** The first argument is a URL (a `file:` URL or an empty probe fetches nothing over the network). */
  readonly url?: true;
}

// By the Python 3 path; the HTTPS/SSL variants' timeout came later in the positional order on older Pythons (after
// key and certificate files), so a call with more positional arguments than the plain class takes is left alone.
const APIS: Readonly<Record<string, Api>> = {
  "urllib.request.urlopen": { position: 2, url: true },
  "urllib.request.urlretrieve": { url: true },
  "http.client.HTTPConnection": { position: 2 },
  "http.client.HTTPSConnection": { position: 2 },
  "socket.create_connection": { position: 1 },
  "ftplib.FTP": { position: 4, host: true },
  "ftplib.FTP_TLS": { position: 4, host: true },
  "smtplib.SMTP": { position: 3, host: true },
  "smtplib.SMTP_SSL": { position: 3, host: true },
  "telnetlib.Telnet": { position: 2, host: true },
  "poplib.POP3": { position: 2, host: true },
  "poplib.POP3_SSL": { position: 2, host: true },
  "imaplib.IMAP4": { position: 2, host: true },
  "imaplib.IMAP4_SSL": { position: 2, host: true },
  "xmlrpc.client.ServerProxy": { instead: ["transport", 1] },
};

// Python 2's names and six's, for the same functions (`from urllib2 import urlopen` as an ImportError fallback).
const ALIASES: readonly (readonly [RegExp, string])[] = [
  [/^six\.moves\./, ""],
  [/^urllib2\./, "urllib.request."],
  [/^(httplib|http_client)\./, "http.client."],
  [/^(xmlrpclib|xmlrpc_client)\./, "xmlrpc.client."],
];

// `socket.setdefaulttimeout(30)`: any value but a literal None.
export const SETS_DEFAULT = /\bsetdefaulttimeout\s*\(\s*(?!None\s*\))[^\s)]/;

function apiOf(path: string): readonly [string, Api] | undefined {
  let canonical = path;
  for (const [alias, module] of ALIASES) canonical = canonical.replace(alias, module);
  const api = APIS[canonical];
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
  if (setsDefault(facts) || inAssertion(node)) return undefined;
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

// `urlopen("file:///...")`, `urlopen(path.as_uri())`, skyfield's `urlopen("")` probe: no server to wait for.
function fetchesNothing(url: TsNode): boolean {
  if (url.type === "string") {
    const text = stringContent(url);
    return text !== undefined && (text === "" || /^(file|data):/i.test(text));
  }
  return /\.as_uri\(\)$|(^|\.)pathname2url\(/.test(url.text);
}

// The package (or, checked alone, the file) sets the socket module's default timeout somewhere.
function setsDefault(facts: PyFacts): boolean {
  return facts.options.python?.defaultTimeout ?? SETS_DEFAULT.test(facts.fileCode());
}
