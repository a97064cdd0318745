import { describe, expect, it } from "vitest";
import { findingLines, packageFindings } from "./helpers.ts";

// Session 37 (issue 9), from blind set fresh88: a package's own helper whose whole work is a sleep (orange-canvas's
// `qWait(cls, timeout=DEFAULT_TIMEOUT): QTest.qWait(timeout)`), an exponential backoff's base delay (aiohttp-retry's
// `start_timeout`), and a kept None that only switches a private watchdog off (gql's `keep_alive_timeout`).

describe("a helper whose whole work is a sleep", () => {
  const helpers = [
    "import time",
    "from AnyQt.QtTest import QTest",
    "",
    "DEFAULT_TIMEOUT = 50",
    "",
    "class Base:",
    "    @classmethod",
    "    def qWait(cls, timeout=DEFAULT_TIMEOUT):",
    "        QTest.qWait(timeout)",
    "",
    "    def nap(self, timeout=2):",
    "        time.sleep(timeout)",
    "",
    "    def wait_ready(self, timeout=5):",
    "        self.ready.wait(timeout)",
  ].join("\n");
  const tests = [
    "from pkg.helpers import Base",
    "",
    "class T(Base):",
    "    def test_a(self):",
    "        self.qWait(100)",
    "        self.nap(timeout=3)",
    "        self.wait_ready(7)",
  ].join("\n");

  it("pauses for its parameter: neither its default nor its callers' values are reported; a real wait beside it is", async () => {
    expect(await packageFindings({ "pkg/helpers.py": helpers, "pkg/tests/test_a.py": tests })).toEqual([
      "pkg/helpers.py:14: no-hardcoded-timeout",
      "pkg/tests/test_a.py:7: no-hardcoded-timeout",
    ]);
  });

  it("stays a timer when it does something after the sleep", async () => {
    const timer = [
      "import asyncio",
      "",
      "async def flush_later(timeout=0.5):",
      "    await asyncio.sleep(timeout)",
      "    flush()",
    ];
    expect(await findingLines("timer.py", timer.join("\n"))).toEqual(["3: no-hardcoded-timeout"]);
  });
});

describe("an exponential backoff's base delay", () => {
  const retry = [
    "class ExponentialRetry:",
    "    def __init__(self, attempts=3, start_timeout=0.1, factor=2.0):",
    "        self._start_timeout = start_timeout",
    "        self._factor = factor",
    "",
    "    def get_timeout(self, attempt):",
    "        return self._start_timeout * (self._factor ** attempt)",
    "",
    "class JitterRetry(ExponentialRetry):",
    "    def __init__(self, attempts=3, start_timeout=0.1, factor=2.0):",
    "        super().__init__(attempts=attempts, start_timeout=start_timeout, factor=factor)",
  ];

  // A field's reads are known only with the package's facts (another module may read it): checked as a package.
  it("is not reported, nor a subclass's default handed to it", async () => {
    expect(await packageFindings({ "pkg/retry.py": retry.join("\n") })).toEqual([]);
  });

  it("is reported, with the default handed to it, when the value bounds one wait besides", async () => {
    const waits = [...retry, "", "    def once(self, sock):", "        sock.settimeout(self._start_timeout)"];
    expect(await packageFindings({ "pkg/retry.py": waits.join("\n") })).toEqual([
      "pkg/retry.py:10: no-hardcoded-timeout",
      "pkg/retry.py:2: no-hardcoded-timeout",
    ]);
  });

  it("a duration converted by a constant power of ten stays a deadline", async () => {
    const flush = [
      "from time import time_ns",
      "",
      "def force_flush(readers, timeout_millis=10_000):",
      "    deadline_ns = time_ns() + timeout_millis * 10**6",
      "    for reader in readers:",
      "        reader.force_flush(timeout_millis=(deadline_ns - time_ns()) / 10**6)",
    ];
    expect(await findingLines("flush.py", flush.join("\n"))).toEqual(["3: no-hardcoded-timeout"]);
  });

  it("a subclass's default handed to a base parameter that waits is reported", async () => {
    const base = [
      "class Client:",
      "    def __init__(self, timeout=10):",
      "        self._timeout = timeout",
      "    def get(self, sock):",
      "        sock.settimeout(self._timeout)",
      "",
      "class Fast(Client):",
      "    def __init__(self, timeout=2):",
      "        super().__init__(timeout=timeout)",
    ];
    expect(await findingLines("client.py", base.join("\n"))).toEqual([
      "2: no-hardcoded-timeout",
      "8: no-hardcoded-timeout",
    ]);
  });
});

describe("a kept None that only switches a private watchdog off", () => {
  const transport = (guard: string) =>
    [
      "import asyncio",
      "",
      "class Transport:",
      "    def __init__(self, url, keep_alive_timeout=None):",
      "        self.keep_alive_timeout = keep_alive_timeout",
      "",
      "    async def _check_liveness(self):",
      "        while True:",
      "            await asyncio.wait_for(self._next.wait(), self.keep_alive_timeout)",
      "",
      "    async def connect(self):",
      guard,
      "            self._tasks.add(asyncio.ensure_future(self._check_liveness()))",
    ].join("\n");

  it("is not reported when every start of the watchdog sits under a test of the setting", async () => {
    expect(await findingLines("t.py", transport("        if self.keep_alive_timeout is not None:"))).toEqual([]);
  });

  it("is unbounded when the watchdog starts without that test", async () => {
    expect(await findingLines("t.py", transport("        if self.url:"))).toEqual(["4: no-unbounded-timeout"]);
  });
});

describe("a throttle's or a debounce's period", () => {
  it("is not reported as the default or the argument of a function so named; a wait beside it is", async () => {
    const source = [
      "def throttled(func=None, timeout=100, leading=True):",
      "    return Throttler(func, timeout, leading)",
      "",
      "def debounced(func=None, timeout=100):",
      "    return Debouncer(func, timeout)",
      "",
      "emitter.changed.connect(throttled(on_change, timeout=50))",
      "emitter.moved.connect(debounced(on_move, timeout=80))",
      "done.wait(timeout=5)",
    ].join("\n");
    expect(await findingLines("throttle.py", source)).toEqual(["9: no-hardcoded-timeout"]);
  });
});
