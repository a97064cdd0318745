import { describe, expect, it } from "vitest";
import { packageFindings } from "./helpers.ts";

// Python durations that bound no wait (session 27, guard-pyprec27): a sub-millisecond bound is a poll outside tests; a
// splash screen's display time; memory_profiler's sampling window on the current process; a local only formatted into
// generated text; sugar3's own NotifyAlert default. Their waiting neighbours stay reported. Checked with the package's
// facts, which give the checker each file's path (tests are told by it).

describe("durations that bound no wait", () => {
  it("reads a sub-millisecond bound as a poll outside tests and keeps it in a test that makes a wait time out", async () => {
    const util = [
      "import select, sys",
      "def kbhit():",
      "    i, _, _ = select.select([sys.stdin], [], [], 0.0001)",
      "    return sys.stdin in i",
      "def wait_key():",
      "    i, _, _ = select.select([sys.stdin], [], [], 5)",
      "    return i",
      "def try_lock(lock):",
      "    return lock.acquire(timeout=0.0005)",
      "def read_soon(sock):",
      "    sock.settimeout(0.001)",
      "    return sock.recv(10)",
    ].join("\n");
    const test = [
      "import pytest, requests",
      "def test_times_out():",
      "    with pytest.raises(requests.Timeout):",
      '        requests.get("http://example.com", timeout=0.0001)',
    ].join("\n");
    expect(await packageFindings({ "pkg/util.py": util, "pkg/tests/test_util.py": test })).toEqual([
      "pkg/tests/test_util.py:4: no-hardcoded-timeout",
      "pkg/util.py:11: no-hardcoded-timeout",
      "pkg/util.py:6: no-hardcoded-timeout",
    ]);
  });

  it("releases a splash screen's display time and memory_usage's window on the current process", async () => {
    const gui = [
      "import wx",
      "from memory_profiler import memory_usage",
      "SPLASH_TIMEOUT = 30",
      "CONNECT_TIMEOUT = 30",
      "def splash(bm):",
      "    return wx.SplashScreen(bitmap=bm, splashStyle=wx.SPLASH_TIMEOUT, milliseconds=SPLASH_TIMEOUT, parent=None)",
      "def connect(sock, addr):",
      "    sock.settimeout(CONNECT_TIMEOUT)",
      "    sock.connect(addr)",
      "def baseline(step):",
      "    return memory_usage(-1, interval=step, timeout=1)",
      "def child(proc):",
      "    return memory_usage(proc, interval=0.1, timeout=30)",
    ].join("\n");
    expect(await packageFindings({ "pkg/gui.py": gui })).toEqual([
      "pkg/gui.py:13: no-hardcoded-timeout",
      "pkg/gui.py:4: no-hardcoded-timeout",
    ]);
  });

  it("releases a local only formatted into generated text, keeps one handed to a connection", async () => {
    const source = [
      "import socket",
      "def render(app, target):",
      "    if app['timeout']:",
      "        timeout = app['timeout']",
      "    else:",
      "        timeout = 60",
      "    if int(timeout):",
      "        target.append('inactivity-timeout %s;' % int(timeout))",
      "    target.append('term t%d protocol %s;' % (1, int(timeout)))",
      "def dial(app, host):",
      "    if app['timeout']:",
      "        timeout = app['timeout']",
      "    else:",
      "        timeout = 60",
      "    print('dialing with %d s' % int(timeout))",
      "    return socket.create_connection((host, 80), timeout)",
    ].join("\n");
    expect(await packageFindings({ "pkg/render.py": source })).toEqual(["pkg/render.py:14: no-hardcoded-timeout"]);
  });

  it("releases sugar3's own NotifyAlert default, keeps its TimeoutAlert, which answers for the user", async () => {
    const alert = [
      "from gi.repository import GLib",
      "class _TimeoutAlert:",
      "    def __init__(self, timeout, label):",
      "        self._timeout = timeout",
      "        self._sid = GLib.timeout_add(1000, self.__tick)",
      "    def __tick(self):",
      "        self._timeout -= 1",
      "        if self._timeout == 0:",
      "            self._response(-1)",
      "            return False",
      "        return True",
      "class TimeoutAlert(_TimeoutAlert):",
      "    def __init__(self, timeout=5, **kwargs):",
      "        _TimeoutAlert.__init__(self, timeout, 'Continue')",
      "class NotifyAlert(_TimeoutAlert):",
      "    def __init__(self, timeout=5, **kwargs):",
      "        _TimeoutAlert.__init__(self, timeout, 'Ok')",
    ].join("\n");
    expect(await packageFindings({ "dist-packages/sugar3/graphics/alert.py": alert })).toEqual([
      "dist-packages/sugar3/graphics/alert.py:13: no-hardcoded-timeout",
    ]);
  });
});
