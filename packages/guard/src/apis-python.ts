// The Python timeout APIs known out of the box (`apis.ts`).
import type { TimeoutApi } from "./apis.ts";

/** The Python timeout APIs known out of the box. */
export const PYTHON_TIMEOUT_APIS: readonly TimeoutApi[] = [
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
  { language: "python", callee: "urllib.request.urlopen", argument: 2, keyword: "timeout" },
  { language: "python", callee: "http.client.HTTPConnection", argument: 2, keyword: "timeout" },
  { language: "python", callee: "http.client.HTTPSConnection", argument: 2, keyword: "timeout" },
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
  // PyMongo's client-side operation timeout: `with pymongo.timeout(5):` bounds every operation of the block together;
  // None sets no deadline (https://pymongo.readthedocs.io/en/stable/api/pymongo/, `timeout(seconds)`).
  { language: "python", callee: "pymongo.timeout", argument: 0, keyword: "seconds", zeroIsUnbounded: false },
  // Standard-library blocking calls with a positional or `timeout=` timeout: Event/Condition/Popen.wait(5),
  // Thread/Process.join(3), poll(1000) ticks, Popen.communicate(input, 10); None (either way) waits without a limit.
  { language: "python", callee: "*.wait", argument: 0, keyword: "timeout" },
  { language: "python", callee: "*.join", argument: 0, keyword: "timeout" },
  { language: "python", callee: "*.poll", argument: 0, keyword: "timeout" },
  { language: "python", callee: "*.communicate", argument: 1, keyword: "timeout" },
];
