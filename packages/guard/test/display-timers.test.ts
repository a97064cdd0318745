import { describe, expect, it } from "vitest";
import { defaultGuardConfig } from "../src/index.ts";
import { findingLines, packageFindings } from "./helpers.ts";

// Display delays reported as hardcoded timeouts (session 25, guard-display25): a value named like a timeout whose
// timer's callback only changes what is shown (a React state flag, `setState`, a message box's `set_visible(False)`)
// is a display duration; a callback that aborts, kills, or sets a state that says it timed out stays a deadline.
const config = defaultGuardConfig(process.cwd());

describe("timers whose callback only changes what is shown", () => {
  it("releases a React state flag and a setState, keeps a timeout status, an abort and a rejecting wait", async () => {
    const source = [
      'import { useState, useRef, Component } from "react";',
      "const TIMEOUT = 2e3;",
      "export function CopyButton({ value, timeout = TIMEOUT }) {",
      "  const [copied, setCopied] = useState(false);",
      "  const ref = useRef(undefined);",
      "  const copy = () => {",
      "    setCopied(true);",
      "    clearTimeout(ref.current);",
      "    ref.current = setTimeout(() => setCopied(false), timeout);",
      "  };",
      "  return copy;",
      "}",
      "export class Search extends Component {",
      "  static defaultProps = { busyTimeout: 150 };",
      "  search = () => {",
      "    this.busyTimeout = window.setTimeout(this.showBusy, this.props.busyTimeout);",
      "  };",
      "  stop = () => {",
      "    if (this.busyTimeout) this.busyTimeout = clearTimeout(this.busyTimeout);",
      "  };",
      "  showBusy = () => {",
      "    this.setState({ busy: true });",
      "  };",
      "}",
      "const LOAD_TIMEOUT = 5000;",
      "export function Loader({ load }) {",
      '  const [status, setStatus] = useState("idle");',
      '  const start = () => { setTimeout(() => setStatus("timeout"), LOAD_TIMEOUT); load(); };',
      "  return start;",
      "}",
      "const FETCH_TIMEOUT = 5000;",
      "export function Fetcher({ load }) {",
      "  const [busy, setBusy] = useState(false);",
      "  const start = () => {",
      "    const c = new AbortController();",
      "    setTimeout(() => { setBusy(false); c.abort(); }, FETCH_TIMEOUT);",
      "    load(c.signal);",
      "  };",
      "  return start;",
      "}",
      "const WAIT_TIMEOUT = 3000;",
      "export const ready = (emitter) =>",
      "  new Promise((resolve) => setTimeout(() => resolve(false), WAIT_TIMEOUT));",
      "",
    ].join("\n");
    expect(await findingLines("shows.tsx", source)).toEqual([
      "25: no-hardcoded-timeout",
      "31: no-hardcoded-timeout",
      "41: no-hardcoded-timeout",
    ]);
  });

  it("releases Python helpers whose threading.Timer hides a message box or clears a label, keeps a future's result and a kill", async () => {
    const figure = [
      "from threading import Timer",
      "",
      "class Figure:",
      "    def display_msg(self, txt, timeout=None):",
      "        self.box.set_text(txt)",
      "        if timeout is not None:",
      "",
      "            def clearup():",
      "                self.box.set_visible(False)",
      "",
      "            self.msg_timer = Timer(timeout, clearup)",
      "            self.msg_timer.start()",
      "",
      "    def on_key(self):",
      '        self.display_msg("No data available.", 1)',
      "",
      "    def settle(self, fut, timeout=None):",
      "        Timer(timeout, lambda: fut.set_result(False)).start()",
      "",
      "    def guard(self, timeout=None):",
      "        def expire():",
      "            self.box.set_visible(False)",
      "            self.proc.kill()",
      "",
      "        Timer(timeout, expire).start()",
      "",
      "    def flash(self, text, timeout=None):",
      "        self.label.set_text(text)",
      "        Timer(timeout, lambda: self.label.set_text('')).start()",
      "",
      "    def run(self, fut):",
      "        self.settle(fut, 3)",
      "        self.guard(3)",
      "        self.flash('saved', timeout=2)",
      "",
    ].join("\n");
    expect(await packageFindings({ "p/figman.py": figure }, config, true)).toEqual([
      "p/figman.py:32: no-hardcoded-timeout",
      "p/figman.py:33: no-hardcoded-timeout",
    ]);
  });
});
