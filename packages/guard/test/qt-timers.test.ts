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

// spyder's code editor (session 29, guard-pygui29, fresh60): a class attribute and a `setup_editor` default read only
// as the intervals of single-shot `QTimer`s whose slots redraw decorations and mark a word's occurrences. The slot's
// helpers speak of errors (`underline_errors` logs "Error when processing linting", `DiagnosticSeverity.ERROR`) but end
// nothing: a debounce, not a deadline. The slot that kills the lint process (itself or through a helper) keeps it, and
// so does a timer that quits an event loop waiting for a reply.
const editor = (slot: string) =>
  [
    "from qtpy.QtCore import QTimer",
    "from qtpy.QtWidgets import QPlainTextEdit",
    "from .lsp import DiagnosticSeverity",
    "class CodeEditor(QPlainTextEdit):",
    "    UPDATE_DECORATIONS_TIMEOUT = 500  # milliseconds",
    "    def __init__(self, parent=None):",
    "        super().__init__(parent)",
    "        self.occurrence_timer = QTimer(self)",
    "        self.occurrence_timer.setSingleShot(True)",
    `        self.occurrence_timer.timeout.connect(self.${slot === "update_decorations" ? "mark_occurrences" : slot})`,
    "        self.update_decorations_timer = QTimer(self)",
    "        self.update_decorations_timer.setSingleShot(True)",
    "        self.update_decorations_timer.setInterval(self.UPDATE_DECORATIONS_TIMEOUT)",
    `        self.update_decorations_timer.timeout.connect(self.${slot})`,
    "        self.verticalScrollBar().valueChanged.connect(lambda value: self.update_decorations_timer.start())",
    "    def setup_editor(self, language=None, occurrence_timeout=1500):",
    "        self.set_occurrence_timeout(occurrence_timeout)",
    "    def set_occurrence_timeout(self, timeout):",
    '        """Set occurrence highlighting timeout (ms)"""',
    "        self.occurrence_timer.setInterval(timeout)",
    "    def mark_occurrences(self):",
    "        self.clear_occurrences()",
    "        self.occurrences = self.find_all(self.get_current_word())",
    "    def clear_occurrences(self):",
    "        self.occurrences = []",
    "    def update_decorations(self):",
    '        """Update decorations on the visible portion of the screen."""',
    "        if self.underline_errors_enabled:",
    "            self.underline_errors()",
    "        self.decorations.update()",
    "    def underline_errors(self):",
    "        try:",
    "            self.clear_extra_selections('code_analysis_underline')",
    "            self._process_code_analysis(underline=True)",
    "        except RuntimeError:",
    "            return",
    "        except Exception:",
    '            self.log_lsp_handle_errors("Error when processing linting")',
    "    def _process_code_analysis(self, underline):",
    "        for severity in (DiagnosticSeverity.ERROR, DiagnosticSeverity.WARNING):",
    "            self.highlight(severity, underline)",
    "    def log_lsp_handle_errors(self, message):",
    "        self.messages.append(message)",
    "    def relint(self):",
    "        self.underline_errors()",
    "        self._lint_process.kill()",
    "    def refresh_lint(self):",
    "        self.decorations.update()",
    "        self._reset_lint()",
    "    def _reset_lint(self):",
    "        self._lint_process.terminate()",
    "        self._lint_process = None",
  ].join("\n");

describe("a Qt timer's slot that does the work the timer was set for", () => {
  it("releases a class attribute and a setter's default read only as debounce intervals", async () => {
    expect(await packageFindings({ "pkg/codeeditor.py": editor("update_decorations") })).toEqual([]);
  });

  it("keeps them when the slot, or a helper it calls, kills the operation", async () => {
    expect(await packageFindings({ "pkg/codeeditor.py": editor("relint") })).toEqual([
      "pkg/codeeditor.py:16: no-hardcoded-timeout",
      "pkg/codeeditor.py:5: no-hardcoded-timeout",
    ]);
    expect(await packageFindings({ "pkg/codeeditor.py": editor("refresh_lint") })).toEqual([
      "pkg/codeeditor.py:16: no-hardcoded-timeout",
      "pkg/codeeditor.py:5: no-hardcoded-timeout",
    ]);
  });

  it("keeps a timer that quits an event loop waiting for a reply", async () => {
    const waiter = [
      "from qtpy.QtCore import QEventLoop, QTimer",
      "REPLY_TIMEOUT = 5000",
      "class Fetcher:",
      "    def wait_reply(self, reply):",
      "        loop = QEventLoop()",
      "        timer = QTimer()",
      "        timer.setSingleShot(True)",
      "        timer.timeout.connect(loop.quit)",
      "        reply.finished.connect(loop.quit)",
      "        timer.setInterval(REPLY_TIMEOUT)",
      "        timer.start()",
      "        loop.exec_()",
    ].join("\n");
    expect(await packageFindings({ "pkg/fetch.py": waiter })).toEqual(["pkg/fetch.py:2: no-hardcoded-timeout"]);
  });
});
