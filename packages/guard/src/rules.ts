import { createRequire } from "node:module";
/** The suppression comment: `<comment> org-guard-ignore-next-line <rule>[, <rule>] -- <reason>`. */
export const DIRECTIVE = "org-guard-ignore-next-line";

/** Severity as ESLint numbers it: 0 off, 1 warning, 2 error. */
export type Severity = 0 | 1 | 2;

export type RuleId =
  | "no-hardcoded-timeout"
  | "no-unbounded-timeout"
  | "no-local-cache-delete"
  | "parse-error"
  | "internal-error"
  | "invalid-suppression"
  | "unused-suppression";

export interface RuleMeta {
  id: RuleId;
  defaultSeverity: Severity;
  description: string;
  /** Why the rule exists, for the docs. */
  rationale: string;
  /** A flagged and a clean example per language. */
  examples: { language: "ts" | "py"; flagged: string; clean: string }[];
  /** What the rule leaves alone on purpose although it looks like what it flags, and why, for the docs. */
  notReported?: string[];
}

/** The rule reference's path on the docs site (apps/docs generates it from RULES, one anchor per rule). */
const RULE_DOCS_PATH = "/reference/guard-rules";
let docsBase: string | undefined;

/**
 * Where a rule is documented. The site's address is not repeated here: it is this package's
 * `homepage`, which scripts/release-policy.mjs keeps on the docs site (its DOCS_URL).
 */
export function ruleDocsUrl(id: RuleId): string {
  docsBase ??= new URL(
    RULE_DOCS_PATH,
    (createRequire(import.meta.url)("../package.json") as { homepage: string }).homepage,
  ).href;
  return `${docsBase}#${id}`;
}

const CONFIG_HINT = "config.TIMEOUT from @org/config (dev 5 s, staging 30 s, prod 60 s)";

export const RULES: Record<RuleId, RuleMeta> = {
  "no-hardcoded-timeout": {
    id: "no-hardcoded-timeout",
    defaultSeverity: 2,
    description:
      "A literal duration given as a timeout, a timeout-named constant, or an httpx call relying on httpx's built-in 5 s default.",
    rationale:
      "A timeout copied from an example (5 s on a laptop) fails under staging load (8–12 s). Timeouts come from one environment-aware source.",
    examples: [
      {
        language: "ts",
        flagged: "await fetch(url, { signal: AbortSignal.timeout(5000) });",
        clean:
          'import { config } from "@org/config";\nawait fetch(url, { signal: AbortSignal.timeout(config.TIMEOUT) });',
      },
      {
        language: "py",
        flagged: "requests.get(url, timeout=5)",
        clean: "from org_toolkit import config\nrequests.get(url, timeout=config.timeout_s)",
      },
    ],
    notReported: [
      "HTTP statuses named for a timeout (`STATUS_CODE_REQUEST_TIMEOUT = 408`, `HTTP_GATEWAY_TIMEOUT = 504`, `REQUEST_TIMEOUT = 408`, and in JavaScript the same entry in an object of any size, `{ TOO_MANY_REQUESTS: 429, REQUEST_TIMEOUT: 408 }`; the numbers 408, 504, 522, 524, 598 and 599 under a name saying status, code or HTTP before its timeout word, or under the status' own reason phrase), in both languages, and a tuple holding them: codes a response is compared with. `HTTP_TIMEOUT = 30` among them is reported.",
      "(JavaScript) A setting named like a timeout that its package arms only schedules with (`keepAliveTimeout: 250` in a defaults file, where the package's only timer armed with it sends a keep-alive, or a heartbeat or check that re-arms itself) or hands a store only as an entry's expiry (`\"PX\", lockTimeout`): a schedule or a lifetime, not a wait's bound. A setting some file of the package compares with an elapsed time or arms a deadline with is reported.",
      "(JavaScript) A maximum a configured timeout is cut down to (`if (c.presenceTimeout > MAX) c.presenceTimeout = MAX`, named in the warning) and a constant only compared with the configured timeout: bounds on what may be configured.",
      "(JavaScript) Expected values in assertions (`assert.deepStrictEqual`, `expect(x).toEqual`, chai's `expect(x).to.eql`/`deep.equal`/`include`), and type tests (`*.test-d.ts`, tsd/tstyche files, a spec in a `types/` folder that registers no test).",
      "(JavaScript) A floor on the caller's timeout (`Math.max(timeout, 1000)`, and the same floor written as `timeout < 1000 ? 1000 : timeout`, `if (t < 1) t = 1`, or `Number.isNaN(t) ? 1 : t` where `t` was declared `Math.max(x, 1)` before it in the same function or one around it): a clamp of what was configured. A literal cap (`Math.min(timeout, 5000)`, `timeout > 30000 ? 30000 : timeout`) is reported: above it, the literal is the bound; so is a replacement that is not the number compared (`timeout < 1 ? 5000 : timeout`).",
      "(JavaScript) A pad kept in a constant is reported once, on the constant's line (`const TIMEOUT_BUFFER = 5000`), not at each use (`opts.timeout + TIMEOUT_BUFFER`). A conditional is taken for a timeout's fallback only when the arm taken when the setting is set reads it (`program.timeout ? program.timeout : 30`, `(\"k\" in c ? c.k : 5) * 1000`); `opts.timeout ? defaults.other : 30` is no fallback of `timeout`.",
      "(JavaScript) A session timeout (`sessionTimeout`, `session_timeout`) is a login session's or a cookie's lifetime unless the object says otherwise: an HTTP/2 or TLS session's (`http2: { sessionTimeout }`) and a consumer group member's (beside `groupId`, `heartbeatInterval` or `rebalanceTimeout`, as in KafkaJS's consumer options) are reported.",
      '(JavaScript) Sphinx\'s generated search index (`Search.setIndex({ terms: { "connect_timeout": 6 } })` in `searchindex.js`): the numbers say which pages a word is on.',
      '(JavaScript) Sleeps: `page.waitForTimeout(1000)` (Puppeteer, Playwright) and `cy.wait(500)` (Cypress) wait out the whole duration whatever happens, so the literal is a delay, not a bound (a fixed sleep in a test is a flakiness smell of its own, not this rule\'s). `cy.wait("@alias", { timeout })` is reported through its option.',
      "(JavaScript) A lock's time to live: Redlock's `acquire([resource], ttl)` / `using([resource], ttl, fn)` duration, and a timeout-named value copied to a local that only reaches an expiry (`const ttl = this.lockTimeout; redis.set(key, v, \"PX\", ttl)`). A lock's acquire timeout is reported.",
      '(JavaScript) A timer whose listener only logs: `socket.setTimeout(60000, () => console.log("idle"))` (nothing is closed), `createTimeout(1000, () => console.warn(...))`.',
      "(JavaScript) A timer that renews, refreshes, re-authenticates, reconnects, reschedules, rotates or keeps alive, by what its callback calls or the handle it is kept under (`setTimeout(() => this.scheduleReconnect(), t)`, `this._tokenRenewalTimer = setTimeout(...)`): a schedule. A \"re...\" word counts only where a word starts (`reconnect`, `scheduleReconnect`, `RECONNECT_DELAY`), so a callback calling `this._captureConnectionContext(...)` or `this.restoreConnection()` is judged by what it does. A sleep or timer promise raced against an operation (`Promise.race([op(), setTimeout(5000)])` from node:timers/promises, or a function of the file called as a race element whose returned promise its timer settles) is reported; a sleep beside `Promise.resolve()`, a race whose innermost loop of its function is a `while`/`do...while` on a condition (`while (!exited) await Promise.race([terminating, setTimeout(pollIntervalMs)])`: a poll's pacing; a `for`/`for...of` loop or `while (true)` gives each round a deadline and is reported) and a timer that only paces a raced function's polling are not.",
      "(JavaScript) A delay before the next try: a timeout-named value whose timer's callback only starts a connection or an attempt again (`setTimeout(() => this.connect(wsKey), this.options.reconnectTimeout)`; logging and clearing timers aside), also when it reaches that timer through a function of the file whose parameter is only that timer's delay (`this.reconnectWithDelay(wsKey, this.options.reconnectTimeout)`). A callback that also ends or fails something (`socket.terminate()`, `reject(...)`) or says something timed out in a string or template literal (`console.warn(\"Connection timed out, reconnecting...\")`), and a name the file also compares with an elapsed time (`Date.now() - lastActivity > options.timeout`), keep it reported; passing the value to a logger does not count as a use. The callback is judged by the names it calls, not by what the timer bounds: a call whose name starts with `connect`, `open`, `start`, `subscribe`, `login`, `attempt` or `init` (with or without `re`), or with `retry`, `restart` or `try`, and names no end or failure (`startTimeout`, `reconnectOrFail` do), counts as starting again; a bound callback (`this.reconnect.bind(this)`) counts by its name alone, its body unread. So a liveness or election timer whose callback only restarts (`setTimeout(() => this.startElection(), this.options.electionTimeout)` in a Raft node) is taken for a delay and not reported, and neither is the same name in another file of the package (a defaults table's `electionTimeout: 150`).",
      "(JavaScript) A test that calls its `done` with nothing only as its last statement and otherwise only builds values and asserts on them (`client = createClient({ tcpTimeout: 50 }); client.tcpTimeout.should.equal(50); done();`): nothing waits in it.",
      "(JavaScript) A test that ends without waiting (no `done`, `await` or returned promise) and hands a timeout to a method whose receiver or arguments a later assertion of the test reads a member of (`client.setClientOptions({ timeout: 10 }); expect(client.getClientOptions()).to.eql(...)`, `Lock.setDefaults(options); expect(Lock.defaults.timeout).to.be(options.timeout)`): the call is the setup the test checks. Reported: a call no later assertion reads a member of (`client.start({ timeout: 45 })`; `lock.acquire({ timeout: 3000 })` then only `expect(lock).toBeDefined()` or `assert.ok(lock)`, which name the receiver but read nothing the call set), a free function (`request(opts)` then `assert.strictEqual(opts.url, ...)`: no receiver to set up), one handed a callback, a promise left running with `void`.",
      '(JavaScript) A call named `timeout` with a string second argument (a chat command: `timeout(conn, "#chan", "user", 600)`); a test\'s last argument under 10, read as WebdriverIO\'s retry count whatever the framework (a 5 ms Jest timeout `it(name, fn, 5)` is not reported either).',
      "(JavaScript) Durations in a test that moves Jest's or Vitest's clock (`jest.advanceTimersByTime(...)`) or whose suite sets up `fakeTimersFixture.setup()` in a hook.",
      "(JavaScript) Durations in an object that hands the code under test its own timer function which arms no timer (`new Client({ pingTimeout: 1234, setTimeout })` with a test's `const setTimeout = (fn, ms) => calls.push({ fn, ms })`, or one that throws): they run on the fake. A wrapper that arms a real timer (`setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms)`) and the global handed on are real time, still reported (by both timeout rules). A shorthand `{ setTimeout }` is the definition in scope where the object is written (the innermost function around it that declares one, or the file's): a fake one `describe` declares does not silence another `describe` that hands on the global.",
      "(JavaScript) A test's `key: <number>` that an expected call of a double in the same test (or, for a literal in no test, the same file) repeats with the same key and number, the double made without call-through (`jest.fn()`, `sinon.stub()`, a `jest.spyOn(...)` given its own `mockResolvedValue`/`mockImplementation`; not a `jest.spyOn`/`sinon.spy(obj, m)` left calling through): `query(conn, { sql, timeout: 234 })` with `stub.should.have.been.calledWith({ sql, timeout: 234 })` (sinon, sinon-chai, `sinon.assert.calledWith`), `expect(connect).toHaveBeenCalledWith(url, expect.objectContaining({ connectTimeoutMS: 3600000 }))` (Jest, Vitest), or a comparison that reads a call record (`expect(send.mock.calls[0][1]).toEqual({ requestTimeout: 1500 })`, `stub.args[0][0]`, `spy.firstCall.args`): the test shows the value reaching the double. Reported: a record that repeats another number or another key, a comparison with anything but a call record (`expect(client.options).toEqual({ socketTimeoutMS: 4000 })`, `.args` of a call's result such as `parse(argv).args`), another test's expected call, and a spy that calls through.",
      "(JavaScript) An object literal kept under a name (a module's `const OPTS = { ..., timeout: 5 }`, a suite's) whose every read lies in tests that end without waiting and keep what they build to themselves (the synchronous tests above): `getProxyAgent(url, { ...OPTS })` then `expect(agent.connectOpts).toEqual(...)`. Reported: an object also read by a test that waits, read outside any test, or copied to another name.",
      "(JavaScript) A test's scripted abort armed as a request's or socket's own timer: `req.setTimeout(1, () => req.abort())` in a test that then checks the abort (`ECONNRESET`, `AbortError`, `aborted`), as for a `setTimeout` that aborts; a `catch (err) { reject(err) }` around the abort hands on the abort's own failure and is no watchdog. Reported: a listener that fails the test (`reject(new Error(...))`, `done(new Error(...))`), any such timer in a test that checks no abort, and one whose test names the abort's error only to fail on it (`done(err.code === \"ECONNRESET\" ? new Error(...) : err)`: a watchdog).",
      "(Both languages) A priority's timeout (`NORMAL_PRIORITY_TIMEOUT`, React's scheduler), by its name: when a task of that priority expires, not a wait.",
      "(Python) A parameter default the body never reads: the body names the parameter only as another call's keyword with its own value (`def arc_verify(msg, timeout=5): return ARC(msg, timeout=5)`) or as an assignment target; and a value inside such a default (`getattr(constants, 'SSL_HANDSHAKE_TIMEOUT', 60.0)`).",
      "(Python) A `requests.Session()`'s `timeout` attribute (`self.session.timeout = 5`): requests never reads it, so it bounds nothing; reported when the file reads it back (`timeout=self.session.timeout`). httpx clients read theirs: still reported.",
      '(Python) A module constant, class attribute or `self` field named like a timeout that no other line of its package reads (`DEFAULT_TIMEOUT_SECONDS = 25` written and never used): it bounds nothing. Kept: names mentioned in a string or comment (`__all__`, `getattr(o, "X")`), files with dynamic reads (`getattr` with a computed name, `vars()`, `__dict__`), decorated classes (`@dataclass`, `@attr.s`: their fields are read through the decorator, `asdict()` and the package\'s users), classes with a base from another library, and settings or config modules a framework reads (`settings.py`, `conf.py`, `config/`). A known loss: a public constant that only other packages import (nothing in its own package reads it) is not reported.',
      '(Python) A class attribute or `self` field named like a timeout, however common its name, that the package reads as an attribute of no object of its class (`self.timeout = 60` in a server class while only other, unrelated classes read their own `self.timeout`): it bounds nothing. The package pass records where each timeout-named attribute is read: through `self`/`cls` in a method of some class, through any other receiver (`conn.timeout`, `self.options.timeout`), or by name (`getattr(o, "timeout")`, `attrgetter`, `__dict__[...]`). A `self` read belongs to the innermost class around its line by indentation (a class under `if`/`try` or in a function is its own). Kept: any read through another receiver or by name anywhere in the package; a `self` read in the class itself, one of its bases, one of its subclasses or a base of a subclass (a mixin sibling: `class Client(Settings, Waiter)`); a class, or a subclass of it, any of whose bases (in turn) is not the package\'s own (`object` and `ABC` aside; a metaclass other than `ABCMeta`; `class Handler(Base, socketserver.StreamRequestHandler)` keeps Base\'s `timeout`); decorated classes, files with dynamic reads, and settings or config modules. Checked alone or past the pass\'s bound, nothing is unread. The same holds for a fallback stored there: `self._timeout = kwargs.get("timeout", 5.0)`, `self.timeout = timeout or 20`. Known losses: classes are matched by name, so a subclass made with `type(...)` is not seen, nor a read on a continuation line indented less than its method.',
      '(Python) Expected values in tests: literals inside unittest\'s comparing assertions (`assertDictEqual`, `assertCountEqual`, `assertAlmostEqual`, `assertGreater`, ... besides `assertEqual` and mock call assertions), and a dict, list or `dict(...)` of literals that a `test_*` function assigns to a local and then only hands, whole, to such an assertion or compares in `assert` (`expected = {"timeout": 60}` ... `self.assertEqual(expected, result)`). A blocking call inside the assertion (`q.get(timeout=5)`) and a value the test also hands on are reported.',
      "(Python) A duration only ever slept for: a module constant, class attribute, `self` field or parameter default named like a timeout whose every read is the first argument of a `sleep` (`time.sleep(self.TIMEOUT)` between attempts, `await asyncio.sleep(regrab_timeout)`): a delay, however it is named. A read that reaches anything else (`sleep(t * 2)` included) keeps it reported. The reads are those of its own file (a class attribute's, of its class); a module constant is left only when no other module of the package names it (`from .client import TIMEOUT` ... `sock.settimeout(TIMEOUT)` keeps it reported), and judged without its package it stays reported.",
      "(Python) A duration handed only to a timer schedule whose callback starts something again or tidies up: the delay or period of `loop.call_later`, Twisted's `callLater`, GLib's `timeout_add`/`timeout_add_seconds`, Qt's `QTimer.singleShot`, wxPython's `CallLater` or `threading.Timer` (as written or in another unit, `timeout * 1000`), judged by what the callback does. The file must define the callback (`GLib.timeout_add_seconds(gc_timeout, gc_collect)`, `call_later(self.reconnect_timeout, self.connect)`, `QTimer.singleShot(timeout * 1000, self.clearLocate)`, or the one call of a `lambda`); its name must say it connects, retries, restarts, starts, collects, clears, removes, disables, purges, refreshes or flushes; and every definition's body must arm the timer again (itself or through a function of the file that arms one), call a start/connect/retry entry point, or remove or clear something (`pop`, `discard`, `remove_rule`, `gc.collect()`, `del d[k]`, `self.item = None`), raising nothing and calling nothing that cancels, closes, kills, stops, fails or times out (`set_exception`, `loseConnection`): a period, a delay before the next try or a lifetime. A callback that ends the operation (`Timer(timeout, kill_proc)`, `call_later(timeout, fut.cancel)`, `self._on_timeout`) or that the file does not define (a base class's `self.cleanup` in another module) keeps it reported. Also a value stored under a cookie's or a record's expiry key (`cookie[name][\"max-age\"] = timeout * 60`). A parameter kept in a `self` field counts by the field's reads in its file only when no other module of the package names the field, whatever its name (`self._timeout` too: a subclass elsewhere may read it); judged without the package it stays reported. On a GUI main loop's timer (GLib's `timeout_add`/`timeout_add_seconds`, Qt's `singleShot`, wxPython's `CallLater`) the callback's name may say anything (GLib's `__kmodel_timeout_cb`): there every definition of the callback, and the file's functions it calls at any depth, must raise nothing of its own and no call, name, value (`State.TIMEOUT`) or string (`\"timed-out\"`) in them may say cancel, close, stop, fail, error, quit, reject, expire, SIGTERM or timed out (logging calls and the exception types caught aside). A call to a function the file does not define is judged by its name and arguments only: one that ends the operation under a name saying none of that (`self._session.apply(req)`) is a known loss: a debounce (`GLib.timeout_add(_APPLY_TIMEOUT, self.__timeout_cb)` re-armed on each edit, then applying the settings), a refresh period, or how long something shows.",
      '(Python) A day or more standing in for the caller\'s unset timeout: `if timeout == 0 or timeout is None: timeout = 24 * 60 * 60`, `timeout = self.timeout or one_week` (`one_week = 7 * 24 * 60 * 60`; the left side a value the file does not know), as `if timeout is None: timeout = float("inf")` does: the caller\'s "no limit", re-spelled for the deadline arithmetic that follows. The day is counted in the unit the name says (`timeout_ms`, `timeoutMillis`, `wait_us`, `timeout_minutes`; seconds without one), so `self.timeout_ms or 120000` and `if timeout_ms is None: timeout_ms = 100 * 1000` stay reported. Less than a day (`self.timeout or 30`), and a day after a left side the file knows (`0 or 86400`), are defaults of their own and stay reported. A known loss: a name without a unit handed to a wait that counts milliseconds (`timeout = self.timeout or 90000` then `poller.poll(timeout)`, 90 s) is read in seconds and not reported.',
      "(Python) How long a message shows: a duration named like a timeout (or a lookup's fallback kept under such a name, `timeout = cfg.getInt(KEY, 15)`) whose every read, as written or in another unit, is any argument of a `showMessage` call taken for Qt's (`tray.showMessage(title, body, icon, timeout * 1000)`, `statusBar().showMessage(text, timeout=2000)`; any receiver, unless the file defines a `showMessage` of its own or the package facts show a package `showMessage` taking a timeout-named parameter), the eighth argument of the freedesktop service's `Notify(...)`, or the `set_timeout`/`timeout` of a notification the same function made with a `Notification` class (`ntf = notify2.Notification(...)`); comparisons with zero or a negative number and a conversion kept under the same name are not reads that wait. Also a duration in a cache write's lifetime slot (a `set`/`add`/... on a receiver named like a cache): its `timeout=`, or the place the cache API gives the lifetime (`self.cache.set(key, state, self.existence_check_timeout)`: the third argument of `set`/`add`/`get_or_set`, the second of `set_many`/`touch`); a duration stored as the key or the value (`self.cache.set(\"req_timeout\", timeout)`) is still judged by its other reads. Another object's `set_timeout` and a duration also compared with a positive number are reported.",
      "(Python) A package's own function or method whose timeout parameter only shows a message: a call of it with a literal (`self.notifier.send(title, text, timeout=10000)`) on a receiver the file shows is an object of a class that defines it so (`self` in that class or a subclass, or `self.notifier`, a local or `Notifier(...)` made only by such a class; another library's object of a same-named method, `self.session.send(prepared, timeout=30)`, and a receiver whose maker the file does not show stay reported), and often the parameter's own default (one the function hands to a notification's `set_timeout(timeout)`, notify2's, may stay reported as that setter's timeout), where every definition of that name in the package hands the parameter only to such display slots (wx's `ShowBalloon(title, text, msec)` and a `wx.NotificationMessage`'s `Show(timeout=...)` too), as written or converted (`timeout / 1000`), through one more of the package's functions, through an attribute of the object only read back into such a parameter (`self.timeout[context] = timeout`), or never reads it; one definition that may wait with it keeps every call reported.",
      '(Python) The second positional argument of a `.communicate(...)` on an object the file does not make a process, in a file that defines a `communicate` of its own whose second parameter is not named like a timeout (`chat.communicate("hello", 3)` after `def communicate(self, msg, retries=3)`). On a receiver the file assigns from `Popen(...)` or annotates `Popen` (`p.communicate(None, 30)`), and everywhere in a file with no such `communicate`, it is Popen\'s timeout; the `timeout=` keyword is always read.',
      '(Python) A literal handed positionally to a function of the package is read as a timeout only where every definition of that name in the package takes a timeout-named parameter in that place (`self.wait_for_status(id, "ACTIVE", "cluster", 120)` after `def wait_for_status(self, name, status, check_type, timeout=60)`): when two definitions disagree (`get(self, key)` and `get(self, timeout=None)`), or the call is only seen without its package, the place is not read. The match is by name alone: every definition of that name in the package, whatever its class or module, and a method\'s places (`self` left out) are applied to a bare call of the name too, so `self.get("k", 30)` in a `dict` subclass is read as `timeout=30` when the package\'s only `get` is `LockingQueue.get(self, key, timeout=None)`.',
      '(Python) Values a unit test hands the code under test, as a call\'s own argument, while it patches that code\'s collaborators with unittest.mock and reads a mock\'s call record (`@mock.patch.object(Client, "_request")` ... `client.stop(uid, timeout=300)` ... `request.assert_called_once_with(...)`): test data that reaches the mocks. A local counts when every read of it is such an argument (`timeout_secs = 10` then `transfer.download(ctx, timeout_secs)`); a local that reaches a wait (`timeout = 10` then `urlopen(u, timeout=timeout)`) and a dict entry (`opts = {"timeout": 30}` then `get(u, **opts)`) are reported, and so is a value handed to a call that is itself a wait (`listener.poll(timeout=1)`, `t.join(5)`, `client.flush(timeout_seconds=5)`); a known loss: a wait inside the code under test that the mocks do not replace.',
      "(Python) A test's value that reaches only doubles: a local of a test function, a constant of a module of tests or a `self` field set in a test class whose every read is an argument of a call made on a double, making one or handed one as its transport (a keyword argument named for a socket, transport, connection, session or channel: `timeout = 2` then `Client(server, timeout=timeout, socket_module=MockSocketModule())`), an argument of an expected call (`mock.call.Request(..., timeout=self.timeout)`) or compared in an assertion, with at least one read reaching a double or a mock's call record; a read handed to the code under test (a call handed some other double, such as a mocked logger, included) counts only when the test also finds the name in the call record of a mock that call can reach: one handed to that call, one installed on its receiver (`self._ioutils._run = self._mock_run` ... `self._ioutils.wait_named_pipe(name, timeout=fake_timeout_s)` ... `self._mock_run.assert_called_once_with(..., fake_timeout_s * 1000)`), or any mock of a test that patches collaborators and checks their records. Reported: a name any read of which is a wait's own argument (`join`, `wait`, `get`, `poll`, ...) or reaches a known blocking API, or is handed to the code under test with no reachable mock's call record of it (`Client(url, timeout=timeout, logger=mock.MagicMock())`; an unrelated listener's record), and a `self` field whose name another object's attribute also carries (`x.timeout`: maybe the same object); a local's name written as another object's attribute (`assert client.timeout == timeout`) is another value, not a read.",
      '(Python) Test data only doubles hold, in a module of tests that mentions doubles: a value set on an attribute of a double (`x_cluster = mock.Mock(...)` then `x_cluster.timeout = 10`) when the test hands that double to nothing but other doubles no patch made, expected calls and assertions (`fake_db.find.return_value = x_cluster`), and a literal inside a dict, list, tuple or set whose outermost container is assigned to a name that reaches only doubles (a read assigned to an attribute of a double no patch made counts: `fake_rpc.call.return_value = engine_resp`, also through `copy.deepcopy`) or is the argument of a call on a double or making one. Reported: what a patch answers, a value that leaves through the `return_value` or `side_effect` of a mock a patch made (`@mock.patch.object(client, "load_conf")` then `mock_load.return_value = conf`: the code under test calls the patched function and may wait with what it answers), a double the test hands to the code under test (`conf = mock.Mock(); conf.timeout = 5; Server(conf).serve()`), data any read of which reaches the code under test, data set on an object of the code under test (`action.inputs = {"timeout": 3600}`), and a value a double is made with when the test hands that double to the code under test (`incoming = mock.Mock(message=message)` then `dispatcher.dispatch(incoming)`).',
      "(Python) Canned data in a fixtures folder: a module under `fixtures/` (or `fixture/`) that holds only data (assignments of dicts, lists and literals, imports, docstrings; no call, function, class or control flow), for a literal inside a dict, list, tuple or set value, such as the fake API responses a fixture transport serves to tests (`getObject = {'listeners': [{'clientTimeout': 30}]}`). A top-level scalar constant there (`REQUEST_TIMEOUT = 30` that a live test imports and hands to `requests.get`) is reported; a known loss: a dict or list of settings there that a live test imports and hands to a real request (`LIVE = {\"timeout\": 30}` then `requests.get(url, **LIVE)`) is taken as canned data too. A fixtures module with code (a fixture that starts a daemon and waits for it) is judged as any other. Known only with the file's path, i.e. in a package-wide run (`org-guard check`, the commit hook).",
    ],
  },
  "no-unbounded-timeout": {
    id: "no-unbounded-timeout",
    defaultSeverity: 2,
    description:
      "A timeout that waits forever: 0 or Infinity where that disables the limit, None where it means no limit, or a requests call or a standard-library network call (`urlopen`, `HTTPConnection`, `socket.create_connection`, ...) with no timeout.",
    rationale: "A call that never times out turns one slow dependency into a hung worker.",
    examples: [
      { language: "ts", flagged: "axios.create({ timeout: 0 });", clean: "axios.create({ timeout: config.TIMEOUT });" },
      { language: "py", flagged: "requests.get(url)", clean: "requests.get(url, timeout=TIMEOUT_S)" },
    ],
    notReported: [
      "(JavaScript) A transport's own timer switched off (`bodyTimeout: 0, headersTimeout: 0`) on the line of, or under, a comment saying another mechanism bounds the wait (`// timeouts are handled by AbortSignal in our middleware`, `// the request timeout is enforced by the caller's signal`): the comment is taken as the evidence, so keep it true; the bounding timeout itself is checked where it is set.",
      "(JavaScript) undici's own transport timers switched off (`buildConnector({ timeout: 0 })`, `new Agent({ bodyTimeout: 0 })`) in a file whose requests carry `AbortSignal.timeout(...)`: that signal bounds every phase of each request, and its duration is checked where it is set.",
      "(JavaScript) A value the code only sleeps for (`await setTimeout(ms)` from `node:timers/promises`, a graceful-shutdown wait): its `?? 0` skips a delay, no wait is left without a bound. The sleep is recognised by name, not by its import: any awaited `setTimeout(x)` or `<something>timers<something>.setTimeout(x)` whose first argument is not an inline function counts, so an awaited global timer armed with a named callback (`await setTimeout(this.onTimeout, this.timeout)`) is taken for one too.",
      "(JavaScript) A 0 in an object that hands the code under test its own timer function which arms no timer (`new Client({ pingTimeout: 0, setTimeout })` with a test's recording `setTimeout`): nothing waits on the fake.",
      "(JavaScript) A force-close armed while ending a socket, switched off: `if (timeout > 0) this._socket.setTimeout(timeout, () => this.close())` in a function that also calls `this._socket.end()` (the idle timer of the object's own socket, a path from `this`, on the same object path as the `.end()`, with a callback whose one statement closes the object or that socket and hands on no error: `() => this.close()`, `() => this._socket.destroy()`; a request's timer beside the `req.end()` that sends it, `req.setTimeout(timeout, () => req.destroy(new Error(...)))`, bounds the wait for the response and keeps its 0 reported, as does an own socket's timer whose callback hands on an error), where `timeout` is the setting's 0 (`socketEndCloseTimeout: 0`, in the file or, through package facts, in another file of the package). The operation is over; the 0 leaves the close to the peer. In the file, a name counts only if every timer the file arms with it is such a force-close; through the package facts, a setting read into a local counts only if every timer the storing function arms with that local is one (the same local name armed as a heartbeat in another method does not matter). Known loss: an `.end()` anywhere in the function counts, before or after the timer, and nothing proves the object's path holds a socket (a request stored on the object, `this.req = http.request(...)`, with `() => this.req.destroy()`, counts), so an idle timer that bounds a response read after a half-close (`socket.end(request)`, then waiting for the reply) with a callback that only closes is taken for a force-close too.",
      '(JavaScript) A 0 for which the wait answers at once: a test for unset (`!t`, `t <= 0`, `t === 0`, either side of `||`) whose branch only returns an already settled promise (`if (timeoutMs <= 0 || signal?.aborted) return Promise.resolve();`, a `Promise.reject(...)`, `Promise.resolve(null)`) returned from the function that makes the wait does not make the timer armed after it "armed only when set": nothing waits for such a 0. A return from a function handed to a call or `new` (a `new Promise` executor, an event callback) is no such answer: its value is dropped and the outer promise still waits, reported. A branch that returns nothing (`if (!ms) return;` in a helper that arms its caller\'s timer) or hands back what may still be pending (`Promise.resolve(this.send(request))`) keeps the 0 reported. Facts are by name in a file: a name another function of the file guards with a real "armed only when set" test stays reported.',
      "(JavaScript) A 0 or `false` the code hands a receiver org-guard does not know, unless the file shows it reaching a wait (a timer armed only when it is set), the comment at the value says it means no limit (`// 0 = no timeout`, `// Timeouts disabled`), or it is the `timeout` of an object that holds one of axios' own request-config keys (`{ timeout: 0, maxContentLength: Infinity }` handed to the package's own request method: axios' config, whose 0 makes no timer).",
      "(Both languages) A wait's own \"no limit\" default: a function or method that is the wait leaves the bound to its caller. In JavaScript, a parameter default of a function that returns a promise (`async`, `return new Promise(...)`, a promise it holds under a name ending in `promise`: `return task.promise`, or such a promise with its cancel handle: `return { promise, cancel }`) and hands the parameter, unchanged, only to waits it makes (`acquire(timeout = 0) { ... if (timeout) setTimeout(reject, timeout) }`, `withSession(cb, timeout = 0) { await this.acquire(timeout) }`, a same-file sleep helper whose parameter is a timer's delay, `sleep(timeout).then(() => task.cancel(error))`, a test function's trailing timeout `it(name, fn, timeout)`) or to a deadline on the clock it waits against (`const deadline = timeout > 0 ? Date.now() + timeout : 0`), the default written in the parameter list or as one of its body's leading statements, `if (timeout == null) timeout = 0`; in Python, a Redis blocking command's own `def blpop(self, keys, timeout=0)`, and a negative default documented as no limit (`def wait(self, timeout=-1)`, `def zmq_poll(sockets, timeout=-1)`) of a function or method that waits with it itself, unchanged or as the wait's `None` (`self._event.wait(None if timeout < 0 else timeout)`), and is not a constructor or a `@classmethod` factory (FileLock's `__init__(..., timeout=-1)` and `get_lock(cls, ..., timeout=-1)`, a setter that stores it on `self`, and a factory function that hands it to what it builds, `make_lock(path, timeout=-1)`, are reported). A constructor's default, one stored on the object, put in an options object, or armed by a helper that returns at once (`setRequestTimeout(req, reject, timeoutInMs = 0)`) is still reported.",
      "(Python) The test data `no-hardcoded-timeout` leaves alone is left alone here too (the same checks run before either rule): a `None` or `0` in a test's expected value (`expected = {\"timeout\": None}` ... `self.assertEqual(expected, result)`, or inside a comparing assertion), and one a unit test hands the code under test as a call's own argument while it patches that code's collaborators and reads a mock's call record (`client = httpx.Client(timeout=None)` ... `request.assert_called_once_with(...)`). Reported: a local read by a wait, a dict entry, and a value handed to a call that is itself a wait.",
      "(Python) The same evidence as `no-hardcoded-timeout` for a test's value that reaches only doubles (every read on a double, in an expected call or an assertion) and for canned data in a fixtures folder: a `None` there is no wait's bound either.",
      "(Python) A standard-library network call without a timeout (`urllib.request.urlopen(url)`, `http.client.HTTPConnection(host)`, `socket.create_connection(address)`, `ftplib.FTP(host)`, `smtplib.SMTP(host)`, `telnetlib.Telnet(host)`, `poplib.POP3(host)`, `imaplib.IMAP4(host)`, `urllib.request.urlretrieve(url)`, `xmlrpc.client.ServerProxy(uri)`) in a package that calls `socket.setdefaulttimeout(...)` anywhere (checked alone: in the same file) with a value that is neither `None` nor a name its module binds only to `None`: that default bounds it (a name bound to anything else, or a parameter, counts as a value). Also such a call written with `*args` or `**kwargs`, a constructor given no host (it connects later, through a `connect(...)` that may take a timeout), a `ServerProxy` given its own `transport`, a `file:` or `data:` URL (a literal, a sum starting with one, `\"file://\" + path`, or an f-string, `f\"file://{path}\"`) or an empty one, an SSL variant given more positional arguments than its timeout's place (`HTTPSConnection` 4, `SMTP_SSL`/`IMAP4_SSL` 5, `FTP_TLS` 7, 0-based; `POP3_SSL`'s is keyword-only), and a call in a test that patches something or whose request a double answers. Only the standard library's functions, by the file's imports (Python 2's `urllib2`/`httplib`/`xmlrpclib` and `six.moves` included): urllib3's `pool.urlopen(...)`, a class's own `self.urlopen(...)` and a package's own wrapper are not judged.",
      "(Python) A test's request its own stand-in answers in-process: inside wsgi-intercept's `with RequestsInterceptor(app, host=..., port=...)` to the host and port it intercepts, in a test class that registers responses on `self.requests_mock`, or to a URL the same test registered a canned response for on a double. Requests to any other host, or after the `with`, are reported.",
    ],
  },
  "no-local-cache-delete": {
    id: "no-local-cache-delete",
    defaultSeverity: 2,
    description: "A delete on a raw Redis client: it removes the key in one region only.",
    rationale:
      "Revoking an API key with redis.delete() left it cached in APAC. Only cache.invalidate() from @org/cache-client reaches every cluster of every region.",
    examples: [
      {
        language: "ts",
        flagged: "await redis.del(`api_key:${id}:status`);",
        clean: "await cache.invalidate(`api_key:${id}:status`);",
      },
      {
        language: "py",
        flagged: 'redis.delete(f"api_key:{key_id}:status")',
        clean: 'cache.invalidate(f"api_key:{key_id}:status")  # cache = org_toolkit.cache.RegionalCache()',
      },
    ],
  },
  "parse-error": {
    id: "parse-error",
    defaultSeverity: 2,
    description: "A file that does not parse cannot be checked, so it is reported rather than passed.",
    rationale: "A checker that skips what it cannot read passes exactly the files nobody looked at.",
    examples: [],
  },
  "internal-error": {
    id: "internal-error",
    defaultSeverity: 2,
    description: "org-guard failed on this file; the file is reported, every other file is still checked.",
    rationale: "One odd file must not cost a run every other file's findings, nor pass unchecked.",
    examples: [],
  },
  "invalid-suppression": {
    id: "invalid-suppression",
    defaultSeverity: 2,
    description:
      "An org-guard-ignore-next-line comment without a `-- reason`, or naming an unknown rule. It suppresses nothing.",
    rationale: "Every exception to the rule says why, so a reviewer can judge it.",
    examples: [
      {
        language: "ts",
        flagged: "// org-guard-ignore-next-line no-hardcoded-timeout\nsocket.setTimeout(100);",
        clean:
          "// org-guard-ignore-next-line no-hardcoded-timeout -- loopback test socket, never crosses a network\nsocket.setTimeout(100);",
      },
    ],
  },
  "unused-suppression": {
    id: "unused-suppression",
    defaultSeverity: 1,
    description: "An org-guard-ignore-next-line comment whose next line has nothing to suppress.",
    rationale: "Stale exceptions hide the next real finding on that line.",
    examples: [],
  },
};

type Language = "js" | "python";

/** Python's counterpart of CONFIG_HINT: the org-toolkit package reads the same settings without Node. */
const PY_CONFIG_HINT =
  "config.timeout_s from org_toolkit (`from org_toolkit import config`; seconds, 5/30/60 by ORG_ENV)";

/** What to use instead, in the finding's language; test-runner timeouts take the test profile. */
function instead(language: Language, isTest: boolean): string {
  if (language === "python") {
    return isTest
      ? "Use config.timeouts.test / 1000 from org_toolkit (the test profile: TIMEOUT with retries) instead"
      : `Use ${PY_CONFIG_HINT} instead`;
  }
  return isTest
    ? "Use config.timeouts.test from @org/config (the test profile: TIMEOUT with retries) instead"
    : `Use ${CONFIG_HINT} instead`;
}

/** How to suppress one line, in the finding's language. */
function suppressionHint(language: Language, rule: string): string {
  return `${language === "python" ? "#" : "//"} ${DIRECTIVE} ${rule} -- <reason>`;
}

/** A literal as a message quotes it: on one line (a multi-line tuple or object is written with its newlines). */
function oneLine(literal: string): string {
  return literal.replace(/\s+/g, " ");
}

export function hardcodedMessage(literal: string, where: string, language: Language, isTest = false): string {
  const tail = language === "python" ? `, or suppress it: ${suppressionHint(language, "no-hardcoded-timeout")}` : "";
  return `Hardcoded timeout ${oneLine(literal)} ${oneLine(where)}. ${instead(language, isTest)}${tail}.`;
}

export function unboundedMessage(literal: string, where: string, language: Language, isTest = false): string {
  const tail = language === "python" ? `, or suppress it: ${suppressionHint(language, "no-unbounded-timeout")}` : "";
  return `Unbounded timeout ${oneLine(literal)} ${oneLine(where)}: it waits forever. ${instead(language, isTest)}${tail}.`;
}

export function missingTimeoutMessage(call: string): string {
  return `${call}() has no timeout, so it waits forever when the server stops answering. Pass timeout=config.timeout_s (\`from org_toolkit import config\`).`;
}

/**
 * A standard-library network call without a timeout (`urlopen(url)`, `HTTPConnection(host)`): it waits with the socket
 * module's global default, None unless the program sets one. `takesTimeout`: the call has a `timeout` parameter.
 */
export function socketDefaultMessage(call: string, takesTimeout: boolean, api: string): string {
  const startup = "call socket.setdefaulttimeout(config.timeout_s) at startup";
  const bound = !takesTimeout
    ? api.endsWith("urlretrieve")
      ? `Fetch with urllib.request.urlopen(url, timeout=config.timeout_s) instead, or ${startup}`
      : `Pass transport= an instance of a subclass of xmlrpc.client.Transport (SafeTransport for https) whose make_connection(self, host) does conn = super().make_connection(host); conn.timeout = config.timeout_s; return conn, or ${startup}`
    : api.startsWith("imaplib.")
      ? `Pass timeout=config.timeout_s (Python 3.9 and later; before 3.9 IMAP4 takes none: ${startup})`
      : "Pass timeout=config.timeout_s";
  // `get_page()` after `from urllib.request import urlopen as get_page`: say which function it is.
  const named = api === call || api.endsWith(`.${call}`) ? `${call}()` : `${call}() (${api})`;
  return `${named} ${takesTimeout ? "has no timeout" : "takes no timeout"}, so it waits with the socket module's default timeout, None (no limit) unless the program calls socket.setdefaulttimeout(): forever when the server stops answering. ${bound} (\`from org_toolkit import config\`).`;
}

/** httpx's implicit 5 s default: bounded, but hardcoded in the library. */
export function implicitDefaultMessage(call: string): string {
  return `${call}() has no timeout=, so it uses httpx's built-in 5 s default: a hardcoded timeout that staging load exceeds. Pass timeout=config.timeout_s (\`from org_toolkit import config\`).`;
}

export function localDeleteMessage(call: string): string {
  return `${call}() on a raw Redis client deletes in this region only; the other regions keep serving the key. Use cache.invalidate(key) from @org/cache-client (Python: RegionalCache().invalidate(key) from org_toolkit.cache), which reaches every cluster.`;
}
