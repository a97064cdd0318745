// Blocking methods known by what their receiver is, not by their name: `select` is an ORM's and a widget's method as
// much as a `selectors` object's, and `setTimeout` a Qt or twisted object's as much as a pySerial port's. Such a call
// counts only on a receiver the file binds to the library's constructor, never by its method name alone.
import type { Node as TsNode } from "web-tree-sitter";
import type { TimeoutApi } from "../../apis.ts";
import { boundTo } from "./bound-objects.ts";
import type { PyFacts } from "./facts.ts";
import { python3Name } from "./socket-default.ts";
import { calleeText, positionalArguments } from "./syntax.ts";

interface ReceiverApi {
  /** The modules the file must import one of (Python 2's and six's names for a standard-library one). */
  readonly modules: readonly string[];
  /** The constructors of the receiver, as the file's imports resolve them. */
  readonly constructor: RegExp;
  /** The methods, each with its timeout's place and keyword as the API table (`apis.ts`) has them. */
  readonly methods: ReadonlyMap<string, TimeoutApi>;
  /**
   * The constructed object's methods whose result is the receiver (a pool's `map_async` returns the `AsyncResult`
   * whose `get` waits); without them the receiver is the constructed object itself.
   */
  readonly producers?: RegExp;
  /**
   * The timeout keyword's None is documented as "no limit" (the urllib opener's): a `timeout=None` there is reported
   * as unbounded. Elsewhere (a selector's `select(None)` in an event loop, a pool result's `get()`) it is not read.
   */
  readonly noneIsForever?: boolean;
}

const method = (callee: string, keyword?: string): [string, TimeoutApi] => [
  callee.slice(callee.lastIndexOf(".") + 1),
  { language: "python", callee, argument: 0, ...(keyword ? { keyword } : {}) },
];

const POOL_RESULT_GET = "multiprocessing.pool.AsyncResult.get";
const YEAR = 365 * 86_400;
// The smallest all-nines number read as "never": 999999 s, 11.6 days (apify-client's `MAX_WAIT_FOR_FINISH = 999999`,
// labelled the code's chosen "never"). 99999 s (28 hours) is a day-long bound a loop may go round on.
const NINES = 999_999;

/**
 * `pool.map_async(f, items).get(1000000000)`, the copied Ctrl-C idiom `.get(9999999)`: a pool result's wait of a year
 * or more, or written as all nines from six digits on, is the code's stand-in for "wait forever" that still lets
 * Ctrl-C through (a blocking `get()` would not): an explicit no-limit, reported as unbounded, not as a bound.
 */
export function standsInForForever(facts: PyFacts, api: TimeoutApi, value: TsNode): boolean {
  if (api.callee !== POOL_RESULT_GET) return false;
  const seconds = facts.evaluate(value) ?? 0;
  return seconds >= YEAR || (seconds >= NINES && /^9+$/.test(String(seconds)));
}

const RECEIVERS: readonly ReceiverApi[] = [
  // `sel.select(0.1)` waits up to its first argument for a registered file to be ready ("If timeout > 0, this specifies
  // the maximum wait time, in seconds"; None blocks, <= 0 polls: https://docs.python.org/3/library/selectors.html).
  {
    modules: ["selectors"],
    constructor: /^selectors\.(Default|Select|Poll|Epoll|Devpoll|Kqueue)Selector$/,
    methods: new Map([method("selectors.BaseSelector.select", "timeout")]),
  },
  // pySerial's older setters (https://pyserial.readthedocs.io/en/latest/pyserial_api.html, "Deprecated"): the read,
  // write and inter-byte timeouts the port then waits with; 0 returns at once (non-blocking), None waits forever.
  {
    modules: ["serial"],
    constructor: /^serial\.(Serial|serial_for_url)$/,
    methods: new Map([
      method("serial.Serial.setTimeout"),
      method("serial.Serial.setWriteTimeout"),
      method("serial.Serial.setInterCharTimeout"),
    ]),
  },
  // A process or thread pool's asynchronous result (https://docs.python.org/3/library/multiprocessing.html,
  // `AsyncResult.get([timeout])`): `get(99999)` waits up to that long for the workers, None forever. Known only on
  // what a pool's `*_async` call returned: gevent's `AsyncResult.get(block, timeout)` and a dict's `get(key)` take
  // other things first.
  {
    modules: ["multiprocessing"],
    constructor: /^multiprocessing\.(Pool|pool\.Pool|pool\.ThreadPool|dummy\.Pool)$/,
    producers: /^(apply|map|starmap)_async$/,
    methods: new Map([method(POOL_RESULT_GET, "timeout")]),
  },
  // An `OpenerDirector`'s `open(url, data=None, timeout=...)` (https://docs.python.org/3/library/urllib.request.html):
  // what `urlopen` does with an opener of handlers (auth, proxies); None leaves the socket blocking, with no limit.
  {
    modules: ["urllib", "urllib2", "six"],
    constructor: /^urllib\.request\.(build_opener|OpenerDirector)$/,
    methods: new Map([
      ["open", { language: "python", callee: "urllib.request.OpenerDirector.open", argument: 2, keyword: "timeout" }],
    ]),
    noneIsForever: true,
  },
  // A requests `Session`'s `send(prepared, timeout=...)` (https://requests.readthedocs.io/en/latest/api/): the prepared
  // request's wait, None (the default) without limit. Its `get`/`post`/`request` are known by name (`http.ts`).
  {
    modules: ["requests"],
    constructor: /^requests\.(sessions\.)?Session$/,
    methods: new Map([
      ["send", { language: "python", callee: "requests.Session.send", argument: -1, keyword: "timeout" }],
    ]),
    noneIsForever: true,
  },
  // An aiohttp `ClientSession`'s requests (https://docs.aiohttp.org/en/stable/client_reference.html): `timeout=` takes
  // a `ClientTimeout` or a number of seconds for the whole request, and None becomes `ClientTimeout(total=None)`: the
  // session's 5-minute default is switched off and the request waits without limit. Keyword only (`argument: -1`).
  {
    modules: ["aiohttp"],
    constructor: /^aiohttp\.(client\.)?ClientSession$/,
    methods: new Map(
      ["request", "get", "post", "put", "patch", "delete", "head", "options", "ws_connect"].map((name) => [
        name,
        { language: "python", callee: `aiohttp.ClientSession.${name}`, argument: -1, keyword: "timeout" },
      ]),
    ),
    noneIsForever: true,
  },
];

// How many plain copies (`sel = self._selector`) are followed back to a constructor.
const COPIES = 2;

/**
 * The API a call of `method` is when its receiver is the object of one of the libraries above: the constructor's
 * result itself, or a name or attribute the file binds to one (`sel = selectors.DefaultSelector()`, `self._selector =
 * selectors.PollSelector()`, `fd = serial.Serial(port, 9600)`), through up to two plain copies, in a file that
 * imports the library. A receiver the file binds only otherwise, or never (a parameter), is not one: a same-file
 * factory is not followed, and neither is another module's object.
 */
export function receiverApi(facts: PyFacts, call: TsNode, method: string): TimeoutApi | undefined {
  return receiverEntry(facts, call, method)?.api;
}

/** Whether `call` is a receiver API's method whose `name` keyword takes None as "no limit" (`noneIsForever`). */
export function receiverNoneIsForever(facts: PyFacts, call: TsNode, method: string, name: string): boolean {
  const found = receiverEntry(facts, call, method);
  return found?.receiver.noneIsForever === true && found.api.keyword === name;
}

function receiverEntry(
  facts: PyFacts,
  call: TsNode,
  method: string,
): { receiver: ReceiverApi; api: TimeoutApi } | undefined {
  for (const receiverApi of RECEIVERS) {
    const api = receiverApi.methods.get(method);
    if (!api || !receiverApi.modules.some((module) => facts.importsModule(module))) continue;
    const receiver = call.childForFieldName("function")?.childForFieldName("object");
    const { constructor, producers } = receiverApi;
    const constructed = (made: TsNode) => constructor.test(python3Name(facts.resolve(calleeText(made))));
    // `result = pool.map_async(f, items)`: a call of a producer on a receiver bound to the constructor.
    const produced = (made: TsNode) => {
      const callee = made.childForFieldName("function");
      const object = callee?.type === "attribute" ? callee.childForFieldName("object") : null;
      const name = callee?.childForFieldName("attribute")?.text ?? "";
      return object !== null && producers!.test(name) && boundTo(facts, constructed, object, COPIES);
    };
    if (receiver && boundTo(facts, producers ? produced : constructed, receiver, COPIES))
      return { receiver: receiverApi, api };
  }
  return undefined;
}

// Twisted's `Deferred.addTimeout(timeout, clock, onTimeoutCancel=None)` (https://docs.twisted.org/en/stable/api/
// twisted.internet.defer.Deferred.html#addTimeout): the Deferred fails with a TimeoutError when it has not fired
// `timeout` seconds later on `clock`. Known by its clock, the real reactor: a test's `task.Clock()` moves only when the
// test advances it, and another class's `addTimeout` (a firewall zone's) takes other things.
const ADD_TIMEOUT: TimeoutApi = {
  language: "python",
  callee: "twisted.internet.defer.Deferred.addTimeout",
  argument: 0,
  keyword: "timeout",
};

/** The API a `d.addTimeout(10, reactor)` call is when its clock (second argument or `clock=`) is Twisted's reactor. */
export function reactorTimeoutApi(facts: PyFacts, call: TsNode, method: string): TimeoutApi | undefined {
  if (method !== "addTimeout") return undefined;
  const list = call.childForFieldName("arguments");
  const args = list?.namedChildren ?? [];
  const positional = list ? positionalArguments(list) : [];
  const keyword = args.find((a) => a?.type === "keyword_argument" && a.childForFieldName("name")?.text === "clock");
  const clock = positional[1] ?? keyword?.childForFieldName("value");
  if (!clock || (clock.type !== "identifier" && clock.type !== "attribute")) return undefined;
  const written = clock.text.replace(/\s+/g, "");
  if (facts.resolve(written) === "twisted.internet.reactor") return ADD_TIMEOUT;
  // tahoe-lafs' `connecting.addTimeout(5, self._reactor)`: a reactor handed in (production code takes it as a
  // parameter so that tests can pass a `Clock`). A file that makes a `Clock()` may be handing the fake one.
  return REACTOR_NAME.test(written) && !MAKES_CLOCK.test(facts.fileCode()) ? ADD_TIMEOUT : undefined;
}

/** A name or `self` field named for the reactor: `reactor`, `self._reactor`, `self.reactor`. */
const REACTOR_NAME = /^(self\.)?_?reactor$/;
/** Twisted's fake clock made in the file: `Clock()`, `task.Clock()`, `MemoryReactorClock()`. */
const MAKES_CLOCK = /\b\w*Clock\s*\(/;
