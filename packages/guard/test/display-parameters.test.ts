import { describe, expect, it } from "vitest";
import { defaultGuardConfig } from "../src/index.ts";
import { packageFindings } from "./helpers.ts";

// A package's own notifier whose `timeout` only sets how long a message shows (pyhoca-gui's `notifier.send(...,
// timeout=10000)`, session 21): the package pass finds that every definition of `send` shows it, and a caller's
// literal is released; where one definition may wait with it, or the receiver is another library's, it stays.
const config = defaultGuardConfig(process.cwd());

const notifier = [
  "import notify2",
  "",
  "class Popup:",
  "    timeout = {}",
  "",
  "    def prepare(self, context, timeout=None):",
  "        if timeout is not None:",
  "            self.timeout[context] = timeout",
  "",
  "    def send(self, title, text, context=None, timeout=8000):",
  "        if context is not None:",
  "            timeout = self.timeout[context]",
  "        n = notify2.Notification(title, text, 'dialog-information')",
  "        n.set_timeout(timeout)",
  "        n.show()",
  "",
  "    def hello(self):",
  "        self.send('app', 'hello', None, 10000)",
  "",
  "class Stdout:",
  "    def send(self, title, text, context=None, timeout=8000):",
  "        print(title, text)",
  "",
].join("\n");

const app = [
  "import bus",
  "",
  "class App:",
  "    def notify(self, text, timeout=5000):",
  "        self.notifier.send('app', text, timeout=timeout)",
  "",
  "    def run(self):",
  "        self.notifier.prepare('auth', timeout=4000)",
  "        self.notifier.send('app', 'exiting', timeout=10000)",
  "        self.notify('saved', timeout=3000)",
  "        bus.send('app', timeout=10)",
  "",
  "    def __init__(self):",
  "        from .notify import Popup",
  "        self.notifier = Popup()",
  "",
].join("\n");

const findings = (files: Record<string, string>, facts: boolean) => packageFindings(files, config, facts);

describe("a package's own function whose timeout only shows a message", () => {
  it("keeps another library's object's method of the same name, and one whose maker the file does not show", async () => {
    // review21 item 1 (probe /tmp/p21/pkg): requests' `self.session.send(req, timeout=30)` beside the package's
    // notifier `send`; the notifier made in the file (`Popup()`) is released, one handed in (`notifier`) is not.
    const client = [
      "import requests",
      "from p.notify import Popup",
      "",
      "class Api:",
      "    def __init__(self, notifier):",
      "        self.session = requests.Session()",
      "        self.notifier = Popup()",
      "        self.other = notifier",
      "",
      "    def post(self, url, body):",
      "        req = requests.Request('POST', url, data=body).prepare()",
      "        resp = self.session.send(req, timeout=30)",
      "        self.notifier.send('done', url, timeout=5000)",
      "        self.other.send('done', url, timeout=5000)",
      "        session = requests.Session()",
      "        session.send(req, timeout=30)",
      "        Popup().send('done', url, timeout=5000)",
      "        return resp",
      "",
    ].join("\n");
    expect(await findings({ "p/notify.py": notifier, "p/client.py": client }, true)).toEqual([
      "p/client.py:12: no-hardcoded-timeout",
      "p/client.py:14: no-hardcoded-timeout",
      "p/client.py:16: no-hardcoded-timeout",
    ]);
  });

  it("releases its callers' literals, through one more of the package's functions, and its defaults", async () => {
    // Only another library's `bus.send` stays.
    expect(await findings({ "p/notify.py": notifier, "p/app.py": app }, true)).toEqual([
      "p/app.py:11: no-hardcoded-timeout",
    ]);
  });

  it("judged file by file, the callers' literals stay (what `send` does is another module's)", async () => {
    expect(await findings({ "p/notify.py": notifier, "p/app.py": app }, false)).toEqual([
      "p/app.py:10: no-hardcoded-timeout",
      "p/app.py:11: no-hardcoded-timeout",
      "p/app.py:4: no-hardcoded-timeout",
      "p/app.py:8: no-hardcoded-timeout",
      "p/app.py:9: no-hardcoded-timeout",
    ]);
  });

  it("keeps them where one definition of the name may wait with the parameter", async () => {
    const waits = [
      "import socket",
      "",
      "class Channel:",
      "    def send(self, title, text, context=None, timeout=8000):",
      "        sock = socket.create_connection(('h', 80), timeout)",
      "",
    ].join("\n");
    // `prepare` still only shows it; `send` (called positionally too) and the `notify` that hands it on may now wait.
    // `self.send(..., 10000)` inside `Popup` runs `Popup.send` (no class of the package derives from `Popup`), which
    // only shows it: released since session 25 (`own-methods.ts`), whatever another class's `send` does.
    expect(await findings({ "p/notify.py": notifier, "p/channel.py": waits, "p/app.py": app }, true)).toEqual([
      "p/app.py:10: no-hardcoded-timeout",
      "p/app.py:11: no-hardcoded-timeout",
      "p/app.py:4: no-hardcoded-timeout",
      "p/app.py:9: no-hardcoded-timeout",
      "p/channel.py:4: no-hardcoded-timeout",
    ]);
    // A subclass of `Popup` in another module may override `send` and wait: `self.send` is no longer known.
    const sub = ["from .notify import Popup", "", "class Loud(Popup):", "    pass", ""].join("\n");
    expect(
      await findings({ "p/notify.py": notifier, "p/channel.py": waits, "p/app.py": app, "p/loud.py": sub }, true),
    ).toContain("p/notify.py:18: no-hardcoded-timeout");
  });

  it("releases it on an attribute the package binds only to its notifier, whatever object holds it", async () => {
    // pyhoca-gui's dialogs: `self._app.notifier.send(...)` on the application object they were handed; the package
    // binds `.notifier` only to `Popup()` (app.py), so the dialog's receiver is the notifier too.
    const dialog = [
      "class Dialog:",
      "    def __init__(self, app):",
      "        self._app = app",
      "",
      "    def failed(self):",
      "        self._app.notifier.prepare('auth', timeout=4000)",
      "        self._app.notifier.send('app', 'failed', timeout=10000)",
      "        self._app.channel.send('app', 'failed', timeout=10000)",
      "",
    ].join("\n");
    expect(await findings({ "p/notify.py": notifier, "p/app.py": app, "p/dialog.py": dialog }, true)).toEqual([
      "p/app.py:11: no-hardcoded-timeout",
      "p/dialog.py:8: no-hardcoded-timeout",
    ]);
  });

  it("keeps it where one binding of that attribute in the package may be anything else", async () => {
    // `self.notifier = notifier` in another class: a `.notifier` may be whatever its callers hand in.
    const dialog = [
      "class Dialog:",
      "    def __init__(self, app, notifier):",
      "        self._app = app",
      "        self.notifier = notifier",
      "",
      "    def failed(self):",
      "        self._app.notifier.send('app', 'failed', timeout=10000)",
      "",
    ].join("\n");
    expect(await findings({ "p/notify.py": notifier, "p/app.py": app, "p/dialog.py": dialog }, true)).toEqual([
      "p/app.py:11: no-hardcoded-timeout",
      "p/dialog.py:7: no-hardcoded-timeout",
    ]);
  });
});
