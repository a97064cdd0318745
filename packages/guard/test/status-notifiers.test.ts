import { describe, expect, it } from "vitest";
import { defaultGuardConfig } from "../src/index.ts";
import { packageFindings } from "./helpers.ts";

// A package's own status line whose `timeout` arms a GUI main-loop timer that clears it (streamtuner2's
// `status(text, timeout=3)`: `GLib.timeout_add(int(timeout * 1000), self.status_clear)` and a deadline on `self` only
// that callback reads; session 24, guard-pyprec24). Its plugins' base class forwards `**kw` to the main window's
// `status`, a `warn` adds an icon and forwards, a stub refuses any keyword: the callers' literals are released. A
// forwarder that hands `**kw` to a request, a `status` that sets a socket's timeout, stay reported.
const config = defaultGuardConfig(process.cwd());

const main = [
  "import time",
  "from gi.repository import GLib",
  "",
  "class Main:",
  "    def status(self, text=None, timeout=3, icon=None):",
  "        self.status_last = time.time() + timeout",
  "        GLib.timeout_add(int(timeout * 1000), self.status_clear)",
  "        self.bar.set_text(text)",
  "",
  "    def status_clear(self, anyway=False):",
  "        if anyway or time.time() >= self.status_last:",
  "            self.bar.set_text('')",
  "            self.bar.hide()",
  "            return False",
  "        return True",
  "",
  "    def play(self):",
  "        self.status('Starting player...', timeout=1.25)",
  "",
  "def run():",
  "    main = Main()",
  "    main.status('configure your players', timeout=10)",
  "",
].join("\n");

const plugins = [
  "class Feature(object):",
  "    def status(self, *args, **kw):",
  "        self.parent.status(*args, **kw)",
  "",
  "    def warn(self, text, *args, **kw):",
  "        if not 'icon' in kw:",
  "            kw['icon'] = 'gtk-dialog-warning'",
  "        self.status(text, *args, **kw)",
  "",
  "class Channel(Feature):",
  "    pass",
  "",
  "class Stub:",
  "    def status(self, *x):",
  "        pass",
  "",
].join("\n");

const xiph = [
  "import requests",
  "from . import Channel",
  "",
  "class Xiph(Channel):",
  "    def load(self):",
  "        self.status('XML parsing', timeout=20)",
  "        self.warn('invalid date', timeout=22)",
  "        return requests.get('https://example.org', timeout=5)",
  "",
].join("\n");

const findings = (files: Record<string, string>) => packageFindings(files, config);

describe("a package's own status line cleared by a main-loop timer", () => {
  it("releases the status default and its callers, through forwarders, warn and a stub", async () => {
    const found = await findings({
      "/p/st/main.py": main,
      "/p/st/plugins/__init__.py": plugins,
      "/p/st/plugins/xiph.py": xiph,
    });
    expect(found).toEqual(["/p/st/plugins/xiph.py:8: no-hardcoded-timeout"]);
  });

  it("keeps every caller when a forwarder hands `**kw` to a request", async () => {
    const leaky = plugins.replace("        self.parent.status(*args, **kw)", "        requests.get(*args, **kw)");
    const found = await findings({
      "/p/st/main.py": main,
      "/p/st/plugins/__init__.py": leaky,
      "/p/st/plugins/xiph.py": xiph,
    });
    // `self.status(..., timeout=1.25)` inside `Main` runs `Main.status` itself (nothing derives from `Main`), which
    // only shows it: released since session 25 (`own-methods.ts`); the callers of the other `status` stay.
    expect(found).toEqual([
      "/p/st/main.py:22: no-hardcoded-timeout",
      "/p/st/plugins/xiph.py:6: no-hardcoded-timeout",
      "/p/st/plugins/xiph.py:7: no-hardcoded-timeout",
      "/p/st/plugins/xiph.py:8: no-hardcoded-timeout",
    ]);
  });

  it("keeps the default and the callers of a status that also sets a socket's timeout", async () => {
    const waits = main.replace("        self.bar.set_text(text)", "        self.sock.settimeout(timeout)");
    const found = await findings({
      "/p/st/main.py": waits,
      "/p/st/plugins/__init__.py": plugins,
      "/p/st/plugins/xiph.py": xiph,
    });
    expect(found).toEqual([
      "/p/st/main.py:18: no-hardcoded-timeout",
      "/p/st/main.py:22: no-hardcoded-timeout",
      "/p/st/main.py:5: no-hardcoded-timeout",
      "/p/st/plugins/xiph.py:6: no-hardcoded-timeout",
      "/p/st/plugins/xiph.py:7: no-hardcoded-timeout",
      "/p/st/plugins/xiph.py:8: no-hardcoded-timeout",
    ]);
  });

  it("keeps a deadline on self that a callback which kills reads", async () => {
    const kills = main.replace("            self.bar.hide()", "            self.proc.kill()");
    const found = await findings({
      "/p/st/main.py": kills,
      "/p/st/plugins/__init__.py": plugins,
      "/p/st/plugins/xiph.py": xiph,
    });
    expect(found).toContain("/p/st/main.py:5: no-hardcoded-timeout");
  });
});
