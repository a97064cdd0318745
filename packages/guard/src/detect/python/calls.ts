// Calls to known blocking APIs (`settimeout(5)`, `event.wait(5)`, `q.get(True, 5)`), and timeout keywords
// that reach no real wait.
import type { Node as TsNode } from "web-tree-sitter";
import { displayedFor } from "./displays.ts";
import { matchApi } from "../../apis.ts";
import { insideRaises } from "./context.ts";
import { displayParameter } from "./display-parameters.ts";
import { sleptByOwnCallee } from "./slept-parameters.ts";
import { droppedByOwnCallee } from "./dropped-keywords.ts";
import type { PyFacts } from "./facts.ts";
import { callNeedsTimeout, SESSION_CLASSES } from "./http.ts";
import { onlyInspected } from "./inspected.ts";
import { inHttpMockedTest } from "./http-mocked-tests.ts";
import { answeredInProcess } from "./intercepted.ts";
import { isTimeModuleSleep } from "./pacing.ts";
import { positionalIsPopenTimeout } from "./popen.ts";
import { reactorTimeoutApi, receiverApi, standsInForForever } from "./receiver-apis.ts";
import { switchesTimerOff } from "./switch-off.ts";
import { keywordArgument, positionalArguments, referenceName } from "./syntax.ts";
import type { ZeroMeans } from "./values.ts";

// What judging a call needs from the detector: the file's facts and where findings go.
export interface PyCallJudge {
  readonly facts: PyFacts;
  report(
    value: TsNode,
    where: string,
    noneIsUnbounded: boolean,
    zero?: ZeroMeans,
    isTest?: boolean,
    negativeIsUnbounded?: boolean,
  ): void;
}

// The timeouts a call hands a known blocking API, positionally or by its keyword, and after a `block` flag.
export function judgeApiCall(judge: PyCallJudge, node: TsNode, args: TsNode, path: string, written: string): void {
  const { facts } = judge;
  const apis = facts.options.apis;
  const method = written.slice(written.lastIndexOf(".") + 1);
  // `sel.select(0.1)` on a `selectors` object, `port.setTimeout(1.0)` on a pySerial port: known by their receiver;
  // `d.addTimeout(10, reactor)` by its clock.
  const api =
    matchApi(apis, "python", path) ??
    matchApi(apis, "python", written) ??
    receiverApi(facts, node, method) ??
    reactorTimeoutApi(facts, node, method);
  const blockFlag = (method === "get" || method === "acquire") && written.includes(".");
  // Most calls match no API and are no `q.get(True, 5)`: their arguments are never read from the
  // tree (each read crosses into WebAssembly), nor is their receiver looked up among the doubles.
  const positional = api || blockFlag ? positionalArguments(args) : [];
  // `fake_event.wait(5)`, `mock_queue.get(True, 5)`: a double's method records the call, nothing waits.
  const onDouble = api || blockFlag ? facts.doubles.calledOnDouble(node) : false;
  // `while not stop.wait(0.25): redraw()`: how often a loop does its work, not how long it waits for the event.
  if (api && method === "wait" && facts.isPacingWait(node)) return;
  // `pygame.time.wait(200)`: a clock module's wait is a sleep, not a bounded wait (`isTimeModuleSleep`).
  if (api && isTimeModuleSleep(written, facts)) return;
  // `cs = move_on_after(5)` never entered in a `with cs:` (a test inspecting the unentered scope): nothing waits.
  if (api && /^(fail|move_on)_after$/.test(method) && unenteredScope(facts, node)) return;
  if (api && !onDouble) {
    // Python's 0 usually means "poll" (`settimeout(0.0)`, `get_message(timeout=0)`); an API says when it means forever.
    const zero: ZeroMeans =
      api.zeroIsUnbounded === true ? "unbounded" : api.zeroIsUnbounded === false ? "hardcoded" : "poll";
    const isTest = api.callee === "pytest.mark.timeout";
    // A Timeout object built inside `pytest.raises` is a validation test; nothing waits.
    if (api.argument === "all" && insideRaises(node)) return;
    if (api.argument === "all") {
      for (const arg of positional) judge.report(arg, `as a timeout of ${written}()`, true, zero);
      // Keyword durations (connect=, read=, total=) are all timeouts of these constructors.
      for (const arg of args.namedChildren) {
        const value = arg?.type === "keyword_argument" ? arg.childForFieldName("value") : undefined;
        if (!value) continue;
        // `ClientTimeout(total=None, sock_connect=5, sock_read=5)`: no overall cap, but every read is bounded.
        if (arg!.childForFieldName("name")?.text === "total" && value.type === "none" && readBounded(node)) continue;
        judge.report(value, `as a timeout of ${written}()`, true, zero);
      }
    } else if (typeof api.argument === "number") {
      // `chat.communicate("hello", 3)` on the file's own `communicate`: a retry count, not Popen's timeout.
      const notPopen = method === "communicate" && !positionalIsPopenTimeout(node, (name) => facts.isTimeout(name));
      const target = notPopen ? undefined : positional[api.argument];
      // `pool.map_async(f, xs).get(9999999)`: the code's chosen "forever" (README, spades' `get(1000000000)`).
      const forever = target !== undefined && standsInForForever(facts, api, target);
      // `sock.settimeout(None)` switches a timer off, it does not itself wait (`switch-off.ts`).
      const switchOff = target?.type === "none" && switchesTimerOff(written);
      const noLimit = api.noneRefused !== true;
      if (target && !switchOff) judge.report(target, `as the timeout of ${written}()`, noLimit, zero, isTest, forever);
      const keyword = api.keyword ? keywordArgument(node, api.keyword) : undefined;
      if (keyword && api.keyword && !facts.isTimeout(api.keyword))
        judge.report(keyword, `as the timeout of ${written}()`, noLimit, zero, isTest);
    }
  }
  if (!api) judgeSetterOrDecorator(judge, node, args, method, written);
  if (!api && facts.mayNameDeadline(args)) judgeDeadlineArgument(judge, args);
  // `q.get(True, 5)`, `lock.acquire(True, 5)`: a timeout after the `block` flag. After `False` nothing waits: a queue
  // ignores the timeout of a non-blocking get (`queue.get(False, 0.01)` returns or raises `Empty` at once), and a lock
  // refuses one.
  if (blockFlag && positional.length === 2 && positional[0]!.text === "True" && !onDouble) {
    judge.report(positional[1]!, `as the timeout of ${written}()`, true);
  }
}

/**
 * A timeout object that bounds each read (`sock_read=5` of aiohttp's `ClientTimeout`, `read=5` of urllib3's `Timeout`):
 * without a total cap a transfer still ends when the peer stops sending, so a `total=None` beside it waits on nothing
 * forever (blebox-uniapi's `ClientTimeout(total=None, sock_connect=5, sock_read=5)`, telegram's urllib3 timeouts).
 */
function readBounded(call: TsNode): boolean {
  return ["sock_read", "read"].some((name) => {
    const value = keywordArgument(call, name);
    return value !== undefined && value.type !== "none";
  });
}

// A call whose `timeout=` keyword is known to bound a wait, so that None there means no limit: an HTTP call or client
// of requests/httpx (httpx2 is httpx's API under another name: `httpx2.Client(timeout=None)` switches its 5 s default
// off too), a `Timeout` object, and a blocking API's own timeout keyword (`asyncio.wait(tasks, timeout=None)` means
// what `asyncio.wait_for(fut, None)` means).
export function knowsTimeoutKeyword(facts: PyFacts, path: string, written: string, name: string): boolean {
  if (callNeedsTimeout(facts, path, written) !== undefined) return true;
  if (SESSION_CLASSES.has(path.replace(/^httpx2\./, "httpx.")) || /(^|\.)Timeout$/.test(path)) return true;
  const apis = facts.options.apis;
  const api = matchApi(apis, "python", path) ?? matchApi(apis, "python", written);
  // `WebDriverWait(driver, timeout=None)` raises: the keyword bounds a wait, but None there is no "no limit".
  return api?.keyword === name && api.noneRefused !== true;
}

// What the callee does, whatever the argument is named: a setter of a timeout takes it first (apsw's
// `db.set_busy_timeout(100)`, `setlk_timeout(1000, flags)`, `setbusytimeout(n)`), and a `@timeout(n)` decorator limits
// the decorated function's run (pytest-timeout re-exported as joblib's `testing.timeout`, timeout-decorator, proboscis'
// `@time_out(60 * 10)`), where 0 or None means no limit.
function judgeSetterOrDecorator(judge: PyCallJudge, node: TsNode, args: TsNode, method: string, written: string): void {
  const decorator = /^time_?out$/.test(method) && node.parent?.type === "decorator";
  // Lower case only: twisted's `TimeoutMixin.setTimeout` is armed on the protocol's `callLater`, which its tests swap
  // for a `Clock` made elsewhere; its production default (`timeOut = 300`) is reported where it is written.
  const setter =
    !decorator && /^set_?[a-z_]*timeout$/.test(method) && judge.facts.isTimeout(method.replace(/^set_?/, ""));
  if (!decorator && !setter) {
    judgeTimeoutOption(judge, node, args, method, written);
    return;
  }
  const first = args.namedChildren.find(
    (a) => a !== null && a.type !== "comment" && a.type !== "keyword_argument" && !a.type.endsWith("splat"),
  );
  if (!first || judge.facts.doubles.calledOnDouble(node)) return;
  if (setter) {
    // `ws.setdefaulttimeout(10)` then `assertEqual(ws.getdefaulttimeout(), 10)`: a configuration check.
    if (judge.facts.doubles.assertedLater(first, method)) return;
    // `self.set_occurrence_timeout(timeout)` of the package's own editor, whose every definition only sets a Qt
    // debounce timer's interval with it (`self.occurrence_timer.setInterval(timeout)`): no wait's setter.
    if (displayParameter(judge.facts, node, 0)) return;
    // `toast = Adw.Toast.new(message)` then `toast.set_timeout(3)`: how long the toast shows (`displays.ts`).
    if (displayedFor(judge.facts, node, first)) return;
    // `def connection_busy_timeout(c, duration_ms: int = 100): c.set_busy_timeout(duration_ms)`: the setter names
    // its argument a timeout, so the parameter's default is the timeout's default.
    const fallback = first.type === "identifier" ? judge.facts.parameterDefault(first) : undefined;
    // `set_busy_timeout(int(TIMEOUT * 1000))`: the hardcoded value is the constant's, reported where it is written.
    const constant = fallback
      ? undefined
      : first.descendantsOfType("identifier").find((n) => n && judge.facts.constant(n));
    judge.report(fallback ?? constant ?? first, `as the timeout of ${written}()`, false);
    return;
  }
  const decorated = node.parent?.parent?.type === "decorated_definition" ? node.parent.parent : undefined;
  const name = decorated?.childForFieldName("definition")?.childForFieldName("name")?.text ?? "";
  judge.report(first, `as the time limit of @${written}()`, true, "unbounded", /^test/.test(name));
}

// An option setter handed a timeout's option code and its value: pycurl's `c.setopt(pycurl.CONNECTTIMEOUT, 30)` and
// `TIMEOUT_MS`, python-ldap's `conn.set_option(ldap.OPT_NETWORK_TIMEOUT, 10)`, pyzmq's `sock.setsockopt(zmq.RCVTIMEO,
// 1000)`. The code names the duration, whatever the value is called.
const OPTION_SETTER = /^(setopt|set_option|setsockopt)$/;
const TIMEOUT_OPTION = /^(CURLOPT_)?(CONNECT|ACCEPT)?TIMEOUT(_MS)?$|^OPT_(NETWORK_)?TIMEOUT$|^(RCV|SND)TIMEO$/;

function judgeTimeoutOption(judge: PyCallJudge, node: TsNode, args: TsNode, method: string, written: string): void {
  if (!OPTION_SETTER.test(method)) return;
  const positional = positionalArguments(args);
  const option = positional.length === 2 ? referenceName(positional[0]) : undefined;
  if (!option || !TIMEOUT_OPTION.test(option) || judge.facts.doubles.calledOnDouble(node)) return;
  judge.report(positional[1]!, `as the ${option} option of ${written}()`, false);
}

// A cancel scope assigned to a name the file never enters (`with cs:`), or built and dropped.
function unenteredScope(facts: PyFacts, call: TsNode): boolean {
  const parent = call.parent;
  if (parent?.type !== "assignment" || parent.childForFieldName("right")?.id !== call.id) return false;
  const name = parent.childForFieldName("left")?.text ?? "";
  return !new RegExp(`\\bwith\\s+([^:\\n]*,\\s*)?${name.replace(/[.]/g, "\\.")}\\s*[:,)]`).test(facts.fileCode());
}

// `q.get(block=False, timeout=0.01)`, `q.put(item, False, 3)`, `lock.acquire(blocking=False, timeout=1)`: a
// queue's non-blocking get or put ignores its timeout (it returns or raises `Empty`/`Full` at once) and a lock's
// non-blocking acquire refuses one. Only a literal `False` flag counts: a variable may be True.
function nonBlocking(call: TsNode, written: string): boolean {
  const method = written.slice(written.lastIndexOf(".") + 1);
  if (!written.includes(".") || !/^(get|put|acquire)$/.test(method)) return false;
  const flag = keywordArgument(call, method === "acquire" ? "blocking" : "block");
  if (flag) return flag.text === "False";
  const args = call.childForFieldName("arguments");
  const positional = args ? positionalArguments(args) : [];
  return positional[method === "put" ? 1 : 0]?.text === "False";
}

// `contextvar_set(apsw.aio.deadline, time() + 0.02)`, `with_deadline(time.monotonic() + 5, deadline=...)`: a point in
// time the clock plus (or minus: one already past) a literal, handed over beside a deadline: the duration bounds the
// work done under it. Elsewhere `time() + 300` may be an expiry stored with data, so the deadline must be named.
function judgeDeadlineArgument(judge: PyCallJudge, args: TsNode): void {
  const values = args.namedChildren.map((a) => (a?.type === "keyword_argument" ? a.childForFieldName("value") : a));
  if (!values.some((v) => v && /(^|\.)deadline$/i.test(v.text))) return;
  for (const value of values) {
    if (value?.type !== "binary_operator" || !/^[+-]$/.test(value.childForFieldName("operator")?.text ?? "")) continue;
    const left = value.childForFieldName("left");
    const right = value.childForFieldName("right");
    if (left?.type === "call" && judge.facts.isClock(left) && right && (judge.facts.evaluate(right) ?? 0) > 0)
      judge.report(right, "added to the clock for a deadline", false);
  }
}

// A timeout keyword that reaches no real wait: the call is made on a test double or handed one
// (`fake.get(u, timeout=3)`, `flags(..., timeout=3, client=FakeAsyncClient())`); an HTTP call in a test that
// patched the HTTP layer; or, for code under test (not a blocking API), the test asserts the literal
// afterwards (`self.assertEqual(consumer.timeout, 9)`, `proxy.assert_called_once_with(timeout_seconds=1.5)`):
// a configuration check. A patch elsewhere does not count: `client.flush(timeout_seconds=1)` still waits for
// real threads when only `batch_post` is patched.
export function bindsNothing(
  facts: PyFacts,
  call: TsNode,
  value: TsNode,
  name: string,
  path: string,
  written: string,
  known: boolean,
): boolean {
  // unittest.mock's `call(..., timeout=5)`: an expected call, compared later.
  if (facts.doubles.calledOnDouble(call) || /(^|\.)mock\.call$/.test(path)) return true;
  if (name === "timeout" && nonBlocking(call, written)) return true;
  const apis = facts.options.apis;
  const blocking =
    known || matchApi(apis, "python", path) !== undefined || matchApi(apis, "python", written) !== undefined;
  // A blocking API on a real receiver waits whatever it is handed (`requests.get(u, auth=mock_auth, timeout=5)`);
  // code under test handed a double (`flags(..., timeout=3, client=fake)`) reaches the double.
  if (!blocking && facts.doubles.involvesDouble(call)) return true;
  // `fs = S3FileSystem(request_timeout=0.5)` then only `assert pickle.loads(pickle.dumps(fs)) == fs`: never used.
  if (!blocking && onlyInspected(call)) return true;
  // `@patch("app.requests.post")`: an HTTP call in a test that patched the HTTP layer reaches the double; so does one
  // a test's interceptor or requests-mock answers in-process.
  if (
    callNeedsTimeout(facts, path, written) !== undefined &&
    (facts.doubles.patched(call).http || answeredInProcess(facts, call))
  )
    return true;
  // `container.restart(timeout=10)` in a test that replaced the HTTP layer (`@requests_mock.Mocker()`): the code under
  // test sends its requests to the mock.
  if (!blocking && inHttpMockedTest(facts, call)) return true;
  // `_dummySerial(port, timeout=0.1)` whose `__init__(self, *args, **kwargs)` never reads them: nothing gets the value.
  if (!blocking && droppedByOwnCallee(call, written, name)) return true;
  // `self.patch_soap_action(..., timeout=0.2)` whose body only runs `asyncio.sleep(timeout)`: a pause.
  if (!blocking && sleptByOwnCallee(facts, call, written, name)) return true;
  return !blocking && facts.doubles.assertedLater(value, name);
}
