import { describe, expect, it } from "vitest";
import { packageFindings } from "./helpers.ts";

// A Qt timer object's interval (session 27, guard-py27b): superqt's `qthrottled(func, timeout=100)` hands its timeout
// through `_make_decorator`, a nested function and a throttler object's `setTimeout` to `QTimer.setInterval`, and the
// timer's `timeout` signal only runs the throttled call: a coalescing window, not a deadline. The same chain to a timer
// whose slot aborts the operation, and an interval of another object's `setInterval`, stay reported.

const throttler = (slot: string) =>
  [
    "from qtpy.QtCore import QObject, QTimer, Signal",
    "class Throttler(QObject):",
    "    triggered = Signal()",
    "    timeoutChanged = Signal(int)",
    "    def __init__(self, parent=None):",
    "        super().__init__(parent)",
    "        self._pending = False",
    "        self._timer = QTimer()",
    "        self._timer.setSingleShot(True)",
    `        self._timer.timeout.connect(self.${slot})`,
    "    def setTimeout(self, timeout: int) -> None:",
    "        if self._timer.interval() != timeout:",
    "            self._timer.setInterval(timeout)",
    "            self.timeoutChanged.emit(timeout)",
    "    def throttle(self):",
    "        self._pending = True",
    "        self._timer.start()",
    "    def _maybe_emit(self):",
    "        if self._pending:",
    "            self._pending = False",
    "            self.triggered.emit()",
    "    def _abort_request(self):",
    "        self.reply.abort()",
    "        raise TimeoutError('no reply')",
    "def _make_decorator(func, timeout: int, leading: bool):",
    "    def deco(func):",
    "        throttle = Throttler()",
    "        throttle.setTimeout(timeout)",
    "        last_f = None",
    "        def inner(*args, **kwargs):",
    "            nonlocal last_f",
    "            last_f = lambda: func(*args, **kwargs)",
    "            throttle.triggered.connect(last_f)",
    "            throttle.throttle()",
    "        return inner",
    "    return deco(func) if func is not None else deco",
    "def qthrottled(func=None, timeout: int = 100, leading: bool = True):",
    "    return _make_decorator(func, timeout, leading)",
  ].join("\n");

describe("a Qt timer object's interval", () => {
  it("releases a throttle's default whose timer only runs slots that end nothing", async () => {
    expect(await packageFindings({ "pkg/_throttler.py": throttler("_maybe_emit") })).toEqual([]);
  });

  it("keeps the default when the timer's slot aborts the operation", async () => {
    expect(await packageFindings({ "pkg/_throttler.py": throttler("_abort_request") })).toEqual([
      "pkg/_throttler.py:37: no-hardcoded-timeout",
    ]);
  });

  it("keeps an interval handed to another object's setInterval, and a signal the package connects", async () => {
    const other = [
      "class Poller:",
      "    def __init__(self, client):",
      "        self._client = client",
      "    def setTimeout(self, timeout: int) -> None:",
      "        self._client.setInterval(timeout)",
      "def make(client, timeout: int = 100):",
      "    p = Poller(client)",
      "    p.setTimeout(timeout)",
      "    return p",
    ].join("\n");
    const connected = throttler("_maybe_emit").replace(
      "    return _make_decorator(func, timeout, leading)",
      "    t = Throttler()\n    t.timeoutChanged.connect(print)\n    return _make_decorator(func, timeout, leading)",
    );
    expect(await packageFindings({ "pkg/other.py": other, "pkg/_throttler.py": connected })).toEqual([
      "pkg/_throttler.py:37: no-hardcoded-timeout",
      "pkg/other.py:6: no-hardcoded-timeout",
    ]);
  });

  // qtawesome's icon browser (session 28, guard-py28): a module constant read only as the interval of the search box's
  // single-shot timer, restarted on every keystroke, whose slot runs the search: a debounce window, not a deadline.
  const browser = (slot: string) =>
    [
      "from qtpy import QtCore, QtWidgets",
      "AUTO_SEARCH_TIMEOUT = 500",
      "class IconBrowser(QtWidgets.QMainWindow):",
      "    def __init__(self):",
      "        super().__init__()",
      "        self._filterTimer = QtCore.QTimer(self)",
      "        self._filterTimer.setSingleShot(True)",
      "        self._filterTimer.setInterval(AUTO_SEARCH_TIMEOUT)",
      `        self._filterTimer.timeout.connect(self.${slot})`,
      "    def _updateFilter(self):",
      "        self._proxyModel.setFilterRegularExpression(self._lineEdit.text())",
      "    def _abortSearch(self):",
      "        self._search.cancel()",
      "    def _triggerDelayedUpdate(self):",
      "        self._filterTimer.stop()",
      "        self._filterTimer.start()",
    ].join("\n");

  it("releases a module constant read only as a debounce timer's interval", async () => {
    expect(await packageFindings({ "pkg/browser.py": browser("_updateFilter") })).toEqual([]);
  });

  it("keeps the constant when the timer's slot cancels the operation", async () => {
    expect(await packageFindings({ "pkg/browser.py": browser("_abortSearch") })).toEqual([
      "pkg/browser.py:2: no-hardcoded-timeout",
    ]);
  });
});
