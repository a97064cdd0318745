import { describe, expect, it } from "vitest";
import { checkSource, defaultGuardConfig, packageFacts } from "../src/index.ts";

// A field another module names too, but reads only in its own, unrelated class: sugar3's `ScrollingDetector(timeout=100)`
// keeps `self._timeout` as the period of a repeating GLib source while `alert.py`'s `_TimeoutAlert` counts down its own
// `self._timeout`. The package's attribute reads show that no other module reads a detector's field, so the file's own
// reads decide. A subclass in another module that waits with it, or a public field a library base may read, stays
// reported.
const config = defaultGuardConfig("/pkg");

const detector = [
  "from gi.repository import GLib, GObject",
  "",
  "",
  "class ScrollingDetector(GObject.GObject):",
  "    def __init__(self, window, timeout=100):",
  "        self._timeout = timeout",
  "        self._prev = 0",
  "        GObject.GObject.__init__(self)",
  "",
  "    def start(self, adj):",
  "        GLib.timeout_add(self._timeout, self._check_scroll_cb, adj)",
  "",
  "    def _check_scroll_cb(self, adj):",
  "        if adj.props.value == self._prev:",
  "            self.emit('scroll-end')",
  "            return False",
  "        self._prev = adj.props.value",
  "        return True",
  "",
].join("\n");
const other = [
  "import socket",
  "",
  "",
  "class Dialer:",
  "    def __init__(self, host, timeout=5):",
  "        self._timeout = timeout",
  "        self.host = host",
  "",
  "    def dial(self):",
  "        return socket.create_connection((self.host, 80), self._timeout)",
  "",
].join("\n");
const subclass = [
  "import socket",
  "",
  "from .detector import ScrollingDetector",
  "",
  "",
  "class Waiting(ScrollingDetector):",
  "    def dial(self, host):",
  "        return socket.create_connection((host, 80), self._timeout)",
  "",
].join("\n");

async function findings(files: readonly (readonly [string, string])[]): Promise<string[]> {
  const facts = await packageFacts(files, config);
  const out: string[] = [];
  for (const [path, text] of files) {
    const result = await checkSource(path, text, config, facts);
    out.push(...result.messages.map((m) => `${path.replace("/pkg/p/", "")}:${m.line}: ${m.ruleId}`));
  }
  return out.sort();
}

describe("a private field read only by its own class, package-wide", () => {
  it("the period of a repeating GLib source is no timeout; the unrelated class's socket timeout stays", async () => {
    expect(
      await findings([
        ["/pkg/p/detector.py", detector],
        ["/pkg/p/dialer.py", other],
      ]),
    ).toEqual(["dialer.py:5: no-hardcoded-timeout"]);
  });

  it("a subclass in another module that waits with the field keeps the default reported", async () => {
    expect(
      await findings([
        ["/pkg/p/detector.py", detector],
        ["/pkg/p/dialer.py", other],
        ["/pkg/p/waiting.py", subclass],
      ]),
    ).toEqual(["detector.py:5: no-hardcoded-timeout", "dialer.py:5: no-hardcoded-timeout"]);
  });

  it("a public field under a library base stays unknown (the base may read it)", async () => {
    const pub = (text: string) => text.replace(/\b_timeout\b/g, "timeout");
    expect(
      await findings([
        ["/pkg/p/detector.py", pub(detector)],
        ["/pkg/p/dialer.py", pub(other)],
      ]),
    ).toEqual(["detector.py:5: no-hardcoded-timeout", "dialer.py:5: no-hardcoded-timeout"]);
  });
});
