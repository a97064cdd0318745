/**
 * A call whose argument is a timeout. `callee` is the dotted path as written (`AbortSignal.timeout`);
 * a leading `*.` matches any object (`*.setDefaultTimeout`; `*.describe.configure` any path that ends so, whatever
 * the test object is called), a trailing `.*` any method (`axios.*`).
 * `argument` is the position of the timeout, or "last" for a trailing timeout after a callback (test
 * frameworks), or "all" when every numeric argument is a duration (`httpx.Timeout(5.0, connect=2.0)`), or
 * "options" when the timeouts are the timeout-named keys of an options object it takes (`axios.create({
 * timeout: 0 })`; those keys are checked wherever they are written, the entry says what 0 means there).
 * `keyword` is its keyword in Python.
 */
export interface TimeoutApi {
  language: "js" | "python";
  callee: string;
  argument: number | "last" | "all" | "options";
  keyword?: string;
  /** For "last": the fewest arguments a call needs for its last one to be the timeout. */
  minArguments?: number;
  /**
   * What 0 (and JavaScript's `false`) means for this API: true "no limit" (reported as unbounded), false a
   * 0 s timeout (reported as hardcoded). Unset: true in JavaScript; in Python "poll, don't block" (not
   * reported). A 0 given to a call that is no API here is not reported: the receiver decides what it means.
   */
  zeroIsUnbounded?: boolean;
  /**
   * A negative is this API's documented "no limit" (Cucumber's `setDefaultTimeout(-1)`, birpc's `timeout: -1`): reported
   * as unbounded. Unset: a negative is a sentinel ("unset"), not reported.
   */
  negativeIsUnbounded?: boolean;
  /**
   * For "options": a 0 fails the call at once (birpc's `timeout: 0`): no wait to bound, so not reported, where
   * `zeroIsUnbounded: false` would report it as a hardcoded 0 s timeout.
   */
  zeroRejectsAtOnce?: boolean;
  /**
   * (Python) The API refuses None where its timeout goes (Selenium's `WebDriverWait` runs `float(timeout)`, which raises
   * on None): no wait without a limit, so a None there is not reported. Unset: None means no limit.
   */
  noneRefused?: boolean;
}

const TEST_FUNCTIONS = [
  "it",
  "test",
  "it.only",
  "test.only",
  "it.concurrent",
  "test.concurrent",
  "it.skip",
  "test.skip",
];
const HOOKS = ["beforeAll", "afterAll", "beforeEach", "afterEach", "before", "after"];

/** The timeout APIs known out of the box; the guard's config adds to them (`apis`). */
export const DEFAULT_TIMEOUT_APIS: readonly TimeoutApi[] = [
  { language: "js", callee: "AbortSignal.timeout", argument: 0, zeroIsUnbounded: false },
  // Effect's `Effect.timeout(duration)` / `Effect.timeoutOption(duration)`, piped (`.pipe(Effect.timeout(1000))`) or
  // data-first (`Effect.timeout(effect, 1000)`): the effect is interrupted when the duration (a number is
  // milliseconds) elapses; 0 interrupts at once.
  { language: "js", callee: "Effect.timeout", argument: "all", zeroIsUnbounded: false },
  { language: "js", callee: "Effect.timeoutOption", argument: "all", zeroIsUnbounded: false },
  // Sleeps are not listed: Puppeteer's and Playwright's `page.waitForTimeout(ms)` and Cypress' `cy.wait(ms)` are
  // documented as waiting the given time, whatever happens, so the duration bounds nothing (a delay, eval README
  // "Poll ticks"). `cy.wait("@alias", { timeout })` keeps its bound in the options, checked where it is written.
  { language: "js", callee: "*.setDefaultTimeout", argument: 0, zeroIsUnbounded: true },
  { language: "js", callee: "*.setDefaultNavigationTimeout", argument: 0, zeroIsUnbounded: true },
  // Test runners: a test timeout of 0 switches the limit off (Mocha, Jest, Vitest, AVA).
  { language: "js", callee: "jest.setTimeout", argument: 0, zeroIsUnbounded: true },
  { language: "js", callee: "this.timeout", argument: 0, zeroIsUnbounded: true },
  // Mocha's current runnable on the test's context (`this.test.timeout(0)` in a test or in a helper it calls with its
  // context, `this.currentTest.timeout(0)` in a hook), and the `mocha` global of its browser build (`mocha.timeout(0)`
  // sets the root suite's): 0 switches the limit off for what follows.
  { language: "js", callee: "this.test.timeout", argument: 0, zeroIsUnbounded: true },
  { language: "js", callee: "this.currentTest.timeout", argument: 0, zeroIsUnbounded: true },
  { language: "js", callee: "mocha.timeout", argument: 0, zeroIsUnbounded: true },
  { language: "js", callee: "t.timeout", argument: 0, zeroIsUnbounded: true },
  // Playwright's test timeouts: 0 switches the limit off (`test.setTimeout(0)`, `testInfo.setTimeout(0)`).
  { language: "js", callee: "test.setTimeout", argument: 0, zeroIsUnbounded: true },
  { language: "js", callee: "testInfo.setTimeout", argument: 0, zeroIsUnbounded: true },
  // Cucumber's step and hook timeout, imported (`const { setDefaultTimeout } = require("@cucumber/cucumber")`).
  // Cucumber documents -1 as "disable timeouts".
  {
    language: "js",
    callee: "@cucumber/cucumber.setDefaultTimeout",
    argument: 0,
    zeroIsUnbounded: true,
    negativeIsUnbounded: true,
  },
  {
    language: "js",
    callee: "cucumber.setDefaultTimeout",
    argument: 0,
    zeroIsUnbounded: true,
    negativeIsUnbounded: true,
  },
  // birpc's `createBirpc(functions, { timeout })`: each call's timer is armed only when `timeout >= 0`, so a negative
  // (`timeout: -1`) leaves every RPC waiting for its answer without a limit; 0 rejects at once.
  ...["createBirpc", "createBirpcGroup", "birpc.createBirpc", "birpc.createBirpcGroup"].map((callee) => ({
    language: "js" as const,
    callee,
    argument: "options" as const,
    zeroIsUnbounded: false,
    negativeIsUnbounded: true,
    zeroRejectsAtOnce: true,
  })),
  // @subsquid/util-timeout's `addTimeout(promise, ms)` returns the promise as it is when `ms` is 0: no timer at all.
  { language: "js", callee: "@subsquid/util-timeout.addTimeout", argument: 1, zeroIsUnbounded: true },
  // Node sockets and requests: 0 is "no idle timeout" (a literal 0 after a phase switches it off; see SWITCH_OFF_APIS).
  { language: "js", callee: "*.setTimeout", argument: 0, zeroIsUnbounded: true },
  ...TEST_FUNCTIONS.map((callee) => ({
    language: "js" as const,
    callee,
    argument: "last" as const,
    minArguments: 3,
    zeroIsUnbounded: true,
  })),
  ...HOOKS.map((callee) => ({
    language: "js" as const,
    callee,
    argument: "last" as const,
    minArguments: 2,
    zeroIsUnbounded: true,
  })),
  // Options objects whose timeout 0 (or false) is documented as "no timeout": HTTP clients and servers
  // (axios, Node's http/https/http2/net/tls, undici, node-fetch, ky, request, Fastify), drivers (MongoDB,
  // Mongoose, pg, mysql, mysql2), child processes (Node's child_process, execa), test runners (Mocha,
  // Vitest/Jest config, Playwright), browsers (Puppeteer, Playwright: navigation and waits).
  ...[
    "axios",
    "axios.*",
    "http.*",
    "https.*",
    "http2.*",
    "net.*",
    "tls.*",
    "undici.*",
    "fetch",
    "node-fetch",
    "ky",
    "ky.*",
    "fastify",
    "Fastify",
    "MongoClient",
    "MongoClient.connect",
    "mongoose.*",
    "mysql.*",
    "mysql2.*",
    "mysql2/promise.*",
    "request",
    "request.*",
    "child_process.*",
    "execa",
    "execa.*",
    "pg.Pool",
    "pg.Client",
    "Mocha",
    "mocha.setup",
    "vi.setConfig",
    "defineConfig",
    // Imported under a module binding (`(0, test_1.defineConfig)({ ... })`, TypeScript's CommonJS output).
    "@playwright/test.defineConfig",
    "vitest/config.defineConfig",
    "test.use",
    "test.describe.configure",
    // Playwright's test object under another name (`const { default: playwright } = require("@playwright/test")`).
    "*.describe.configure",
    // A fixture's own options (`test.extend({ eyes: [fn, { timeout: 0 }] })`): 0 runs its setup and teardown unbounded.
    "@playwright/test.test.extend",
    "puppeteer.*",
    "chromium.*",
    "firefox.*",
    "webkit.*",
    "*.goto",
    "*.reload",
    "*.waitForSelector",
    "*.waitForNavigation",
    "*.waitForFunction",
    "*.waitForResponse",
    "*.waitForRequest",
    "*.waitForEvent",
    "*.waitForLoadState",
    "*.waitForURL",
    "*.waitForNetworkIdle",
  ].map((callee) => ({ language: "js" as const, callee, argument: "options" as const, zeroIsUnbounded: true })),
  // Python: 0 means "poll, don't block" unless `zeroIsUnbounded` says otherwise (then true: forever, false: 0 s).
  { language: "python", callee: "socket.setdefaulttimeout", argument: 0 },
  { language: "python", callee: "asyncio.wait_for", argument: 1, keyword: "timeout", zeroIsUnbounded: false },
  { language: "python", callee: "asyncio.timeout", argument: 0, keyword: "delay", zeroIsUnbounded: false },
  { language: "python", callee: "asyncio.wait", argument: 1, keyword: "timeout" },
  { language: "python", callee: "socket.create_connection", argument: 1, keyword: "timeout" },
  { language: "python", callee: "pytest.mark.timeout", argument: 0, keyword: "timeout", zeroIsUnbounded: true },
  { language: "python", callee: "async_timeout.timeout", argument: 0 },
  { language: "python", callee: "tornado.gen.with_timeout", argument: 0 },
  { language: "python", callee: "gen.with_timeout", argument: 0 },
  { language: "python", callee: "urllib.request.urlopen", argument: 2 },
  { language: "python", callee: "http.client.HTTPConnection", argument: 2 },
  { language: "python", callee: "http.client.HTTPSConnection", argument: 2 },
  // The standard library's other network clients take their socket's timeout the same way, where None leaves the
  // socket blocking: every later command waits without a limit. The SSL variants' places are those before Python 3.12
  // (which made their timeout keyword-only), so a call that passes it by place was written for those.
  { language: "python", callee: "imaplib.IMAP4", argument: 2, keyword: "timeout" },
  { language: "python", callee: "imaplib.IMAP4_SSL", argument: 5, keyword: "timeout" },
  { language: "python", callee: "poplib.POP3", argument: 2, keyword: "timeout" },
  { language: "python", callee: "poplib.POP3_SSL", argument: 4, keyword: "timeout" },
  { language: "python", callee: "smtplib.SMTP", argument: 3, keyword: "timeout" },
  { language: "python", callee: "smtplib.SMTP_SSL", argument: 5, keyword: "timeout" },
  { language: "python", callee: "ftplib.FTP", argument: 4, keyword: "timeout" },
  { language: "python", callee: "telnetlib.Telnet", argument: 2, keyword: "timeout" },
  { language: "python", callee: "select.select", argument: 3 },
  // ROS 1's waits for a service to be advertised and for one message on a topic
  // (https://docs.ros.org/en/noetic/api/rospy/html/rospy-module.html): the timeout in seconds, None waits forever.
  { language: "python", callee: "rospy.wait_for_service", argument: 1, keyword: "timeout" },
  { language: "python", callee: "rospy.wait_for_message", argument: 2, keyword: "timeout" },
  { language: "python", callee: "httpx.Timeout", argument: "all" },
  { language: "python", callee: "aiohttp.ClientTimeout", argument: "all" },
  { language: "python", callee: "urllib3.Timeout", argument: "all" },
  // Selenium's explicit wait, `WebDriverWait(driver, timeout, poll_frequency=0.5)`: `until(...)` polls the condition
  // until the timeout (seconds) runs out, then raises TimeoutException; the third argument is the poll tick, no bound.
  // Its constructor runs `float(timeout)`: None raises a TypeError there, it waits for nothing (`noneRefused`).
  // Also through its module (`from selenium.webdriver.support import ui` ... `ui.WebDriverWait(driver, sec)`, Appium's
  // tests the same) or an alias of the class.
  { language: "python", callee: "WebDriverWait", argument: 1, keyword: "timeout", noneRefused: true },
  { language: "python", callee: "*.WebDriverWait", argument: 1, keyword: "timeout", noneRefused: true },
  // Win32's `SendMessageTimeout(hwnd, msg, wparam, lparam, flags, timeout_ms)` (pywin32's `win32gui`, ctypes'
  // `user32.SendMessageTimeoutW`): the sender waits up to the timeout for the receiving window(s) to handle the message.
  ...["SendMessageTimeout", "SendMessageTimeoutW", "SendMessageTimeoutA"].flatMap((name) => [
    { language: "python" as const, callee: name, argument: 5 },
    { language: "python" as const, callee: `*.${name}`, argument: 5 },
  ]),
  { language: "python", callee: "ClientTimeout", argument: "all" },
  { language: "python", callee: "*.ClientTimeout", argument: "all" },
  { language: "python", callee: "Timeout", argument: "all" },
  // A green thread's timer (https://eventlet.readthedocs.io/en/latest/modules/timeout.html, gevent's `Timeout(seconds,
  // exception)`): `with eventlet.timeout.Timeout(0.5):` raises in the block's wait when the seconds run out (or ends
  // the block quietly when the exception is False); the second argument is no duration.
  { language: "python", callee: "eventlet.Timeout", argument: 0, keyword: "seconds" },
  { language: "python", callee: "eventlet.timeout.Timeout", argument: 0, keyword: "seconds" },
  { language: "python", callee: "gevent.Timeout", argument: 0, keyword: "seconds" },
  { language: "python", callee: "gevent.timeout.Timeout", argument: 0, keyword: "seconds" },
  { language: "python", callee: "*.settimeout", argument: 0 },
  { language: "python", callee: "*.wait_for_timeout", argument: 0, zeroIsUnbounded: true },
  { language: "python", callee: "*.set_default_timeout", argument: 0, zeroIsUnbounded: true },
  { language: "python", callee: "*.set_default_navigation_timeout", argument: 0, zeroIsUnbounded: true },
  // A scapy automaton state's timeout: `@ATMT.timeout(WAITING, 3)` leaves the state when nothing came in 3 s.
  { language: "python", callee: "scapy.automaton.ATMT.timeout", argument: 1 },
  { language: "python", callee: "ATMT.timeout", argument: 1 },
  // trio's and anyio's cancel scopes: `with fail_after(5):` raises, `with move_on_after(5):` gives up, after 5 s.
  { language: "python", callee: "fail_after", argument: 0, zeroIsUnbounded: false },
  { language: "python", callee: "*.fail_after", argument: 0, zeroIsUnbounded: false },
  { language: "python", callee: "move_on_after", argument: 0, zeroIsUnbounded: false },
  { language: "python", callee: "*.move_on_after", argument: 0, zeroIsUnbounded: false },
  // Standard-library blocking calls with a positional or `timeout=` timeout: Event/Condition/Popen.wait(5),
  // Thread/Process.join(3), poll(1000) ticks, Popen.communicate(input, 10); None (either way) waits without a limit.
  { language: "python", callee: "*.wait", argument: 0, keyword: "timeout" },
  { language: "python", callee: "*.join", argument: 0, keyword: "timeout" },
  { language: "python", callee: "*.poll", argument: 0, keyword: "timeout" },
  { language: "python", callee: "*.communicate", argument: 1, keyword: "timeout" },
];

// Matching lives with its index (`api-match.ts`); callers import it from here with the table.
export { matchApi } from "./api-match.ts";
