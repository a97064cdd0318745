import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// Delays that bound no wait (session 27, guard-jsui27): an emulated timer API's own `timeout = 0` default that its
// file converts, clamps and hands to the function arming the timer; a socket's idle timer armed with a listener that
// does nothing. Corpus: `test/corpus/idle-listeners27.js`.

const windowTimers = (steps: string) =>
  [
    "function Window() {",
    "  const active = new Map();",
    "  this.setTimeout = function (handler, timeout = 0, ...args) {",
    "    timeout = conversions.long(timeout);",
    "    return arm(handler, timeout, args, false);",
    "  };",
    "  function arm(handler, timeout, args, repeat) {",
    "    function task() {",
    "      handler(...args);",
    "      if (repeat) arm(handler, timeout, args, true);",
    "    }",
    steps,
    "    active.set(1, setTimeout(task, timeout));",
    "    return 1;",
    "  }",
    "}",
    "module.exports = Window;",
  ].join("\n");

describe("an emulated timer API's own 0 default", () => {
  it("is the next tick when the file converts it, clamps negatives and arms the timer with it", async () => {
    expect(await findingLines("Window.js", windowTimers("    if (timeout < 0) timeout = 0;"))).toEqual([]);
  });

  it("stays reported when the function arming the timer tests it for being set", async () => {
    expect(await findingLines("Window.js", windowTimers("    if (!timeout) return 0;"))).toEqual([
      "3: no-unbounded-timeout",
    ]);
  });
});

const telnet = (listener: string, extra = "") =>
  [
    'const net = require("net");',
    "function send(port, command) {",
    "  return new Promise((resolve, reject) => {",
    '    const conn = net.createConnection(port, "localhost");',
    `    conn.setTimeout(60000, ${listener});`,
    extra,
    '    conn.on("data", (data) => resolve(data.toString()));',
    '    conn.on("error", reject);',
    "    conn.write(command);",
    "  });",
    "}",
    "module.exports = { send };",
  ].join("\n");

describe("a socket's idle timer with a listener that does nothing", () => {
  it("bounds no wait", async () => {
    expect(await findingLines("telnet.js", telnet("() => {}"))).toEqual([]);
    expect(await findingLines("telnet.js", telnet("function () {}"))).toEqual([]);
  });

  it("stays reported when the listener ends the socket, or another listener of the event does", async () => {
    expect(await findingLines("telnet.js", telnet("() => conn.destroy()"))).toEqual(["5: no-hardcoded-timeout"]);
    expect(await findingLines("telnet.js", telnet("() => {}", '    conn.on("timeout", () => conn.end());'))).toEqual([
      "5: no-hardcoded-timeout",
    ]);
  });
});
