// Library calls whose timeout keywords take None as "no limit", as their documentation says: a None handed there is
// the code's own unbounded wait (elsewhere a None keyword may mean "unset, use the default", and is not reported).
import type { Node as TsNode } from "web-tree-sitter";
import type { PyFacts } from "./facts.ts";
import { grpclibNoLimit } from "./grpclib-channels.ts";
import { pexpectSession } from "./pexpect-sessions.ts";
import { receiverNoneIsForever } from "./receiver-apis.ts";
import { keywordArgument } from "./syntax.ts";

interface NoneIsForever {
  /** The module the callee resolves to through the file's imports, or (`imported`) that the file imports. */
  module: string;
  /** The callee's last name. */
  method: RegExp;
  keywords: ReadonlySet<string>;
  /** The receiver is an object of the module (`rm.open_resource`): the file must import the module. */
  imported?: boolean;
  /** The receiver must be the module's session (`pexpect-sessions.ts`), not any object with that method. */
  session?: boolean;
}

const LIBRARIES: readonly NoneIsForever[] = [
  // websockets' `connect`/`serve` (asyncio, sync and legacy; https://websockets.readthedocs.io/en/stable/reference/):
  // `open_timeout`, `close_timeout`, `ping_timeout`: "None disables the timeout" (defaults 10, 10 and 20 s).
  {
    module: "websockets",
    method: /^(unix_)?(connect|serve)$/,
    keywords: new Set(["open_timeout", "close_timeout", "ping_timeout"]),
  },
  // pySerial's ports (https://pyserial.readthedocs.io/en/latest/pyserial_api.html): "timeout = None: wait forever",
  // and a `write_timeout` of None (the default) blocks until everything is written.
  { module: "serial", method: /^(Serial|serial_for_url)$/, keywords: new Set(["timeout", "write_timeout"]) },
  // PyVISA's `ResourceManager.open_resource(name, **kwargs)` sets each keyword on the resource it opens, and a
  // resource's `timeout` of None (or +inf) is "an infinite timeout" for all its I/O
  // (https://pyvisa.readthedocs.io/en/latest/api/resources.html).
  { module: "pyvisa", method: /^open_resource$/, keywords: new Set(["timeout"]), imported: true },
  // redis-py's clients (https://redis.readthedocs.io/en/stable/connections.html): `socket_timeout` and
  // `socket_connect_timeout` of None (the defaults) leave the client's socket blocking, each command waits without limit.
  {
    module: "redis",
    method: /^(Redis|StrictRedis|from_url)$/,
    keywords: new Set(["socket_timeout", "socket_connect_timeout"]),
  },
  // keystoneauth's `Session(timeout=...)` (https://docs.openstack.org/keystoneauth/latest/api/keystoneauth1.html):
  // handed to requests for every API call the session makes; None leaves each one without a limit.
  { module: "keystoneauth1", method: /^Session$/, keywords: new Set(["timeout"]) },
  // nbconvert's `ExecutePreprocessor` and nbclient's `NotebookClient` (https://nbclient.readthedocs.io/en/latest/
  // reference/config_options.html): `timeout`, the wait for each cell's output, and `startup_timeout`, the wait for the
  // kernel: "None or -1 will disable the timeout".
  {
    module: "nbconvert",
    method: /^ExecutePreprocessor$/,
    keywords: new Set(["timeout", "startup_timeout"]),
  },
  { module: "nbclient", method: /^NotebookClient$/, keywords: new Set(["timeout", "startup_timeout"]) },
  // pexpect (https://pexpect.readthedocs.io/en/stable/api/pexpect.html): a session's `timeout` (30 s by default)
  // bounds each of its later `expect` calls, "None ... blocks indefinitely" (`spawn`, `run`, `PopenSpawn`, `fdspawn`,
  // `pxssh`), and so does an `expect`'s own `timeout=None` (its -1 is "the session's timeout", not no limit).
  {
    module: "pexpect",
    method: /^(spawnu?|runu?|PopenSpawn|fdspawn|SocketSpawn|pxssh)$/,
    keywords: new Set(["timeout"]),
  },
  {
    module: "pexpect",
    method: /^expect(_exact|_list)?$/,
    keywords: new Set(["timeout"]),
    imported: true,
    session: true,
  },
];

// The keyword `name` of `call` (callee `written`, resolved `path`) is one where None means "wait without a limit".
// websockets' `ping_timeout=None` beside `ping_interval=None` bounds nothing: no ping is sent, no pong awaited.
export function noneIsForever(facts: PyFacts, call: TsNode, path: string, written: string, name: string): boolean {
  const method = written.slice(written.lastIndexOf(".") + 1);
  // `opener.open(url, timeout=None)` on a `build_opener()` object: a method known by its receiver whose None is
  // documented as no limit (`receiver-apis.ts` `noneIsForever`; a selector's or a pool result's is not read).
  if (name === "timeout" && receiverNoneIsForever(facts, call, method, name)) return true;
  // `self.channel.request(..., timeout=None)` on a grpclib channel (`grpclib-channels.ts`).
  if (grpclibNoLimit(facts, call, name)) return true;
  const library = LIBRARIES.find((entry) => entry.keywords.has(name) && entry.method.test(method));
  if (!library) return false;
  const { module } = library;
  if (library.imported ? !facts.importsModule(module) : path !== module && !path.startsWith(`${module}.`)) return false;
  if (library.session && !pexpectSession(facts, call)) return false;
  return !(name === "ping_timeout" && keywordArgument(call, "ping_interval")?.text === "None");
}
