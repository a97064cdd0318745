import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// Timeout-named values whose only consumer in the file is a timer that ends nothing when it fires (session 30,
// guard-jsfp30): an idle timer that flips a state and triggers an event, a long key press that runs its action.
// The same shapes whose timer fails, destroys or emits a timeout, or whose value is handed to another call, stay.

const idle = (fires: string, handed = "") => [
  "(function ($) {",
  "  $.fn.idleTimer = function (firstParam) {",
  "    var opts = $.extend({",
  "      idle: false,",
  "      timeout: 30000,",
  '      events: "mousemove keydown",',
  "    }, firstParam);",
  "    var elem = this;",
  "    var toggleIdleState = function (e) {",
  `      ${fires}`,
  "    };",
  "    var handleEvent = function (e) {",
  "      var obj = $.data(elem, 'idleTimerObj') || {};",
  "      clearTimeout(obj.tId);",
  "      obj.tId = setTimeout(toggleIdleState, obj.timeout);",
  "    };",
  "    var remaining = function () {",
  "      var obj = $.data(elem, 'idleTimerObj') || {};",
  "      return obj.timeout - (+new Date() - obj.lastActive);",
  "    };",
  "    var obj = $.extend({}, { idle: opts.idle, timeout: opts.timeout, tId: null });",
  `    ${handed}`,
  "    obj.tId = setTimeout(toggleIdleState, obj.timeout);",
  "    $(elem).on(opts.events, handleEvent);",
  "    return remaining;",
  "  };",
  "})(jQuery);",
];
const flips = "var obj = $.data(elem, 'idleTimerObj') || {}; obj.idle = !obj.idle; $(elem).trigger('idle', [obj, e]);";

describe("a timeout-named value only a timer that ends nothing is armed with", () => {
  it("releases an idle timer's default whose timer flips the idle state and triggers an event", async () => {
    expect(await findingLines("idle-timer.js", idle(flips).join("\n"))).toEqual([]);
  });

  it("keeps it when the timer destroys, fails or emits a timeout, or the value is handed to another call", async () => {
    const kept = ["5: no-hardcoded-timeout"];
    const destroys = "var obj = $.data(elem, 'idleTimerObj') || {}; obj.socket.destroy();";
    expect(await findingLines("idle-timer.js", idle(destroys).join("\n"))).toEqual(kept);
    const fails = "var obj = $.data(elem, 'idleTimerObj') || {}; obj.callback(new Error('idle'));";
    expect(await findingLines("idle-timer.js", idle(fails).join("\n"))).toEqual(kept);
    const emits = "var obj = $.data(elem, 'idleTimerObj') || {}; $(elem).trigger('x'); obj.onTimeout();";
    expect(await findingLines("idle-timer.js", idle(emits).join("\n"))).toEqual(kept);
    const handed = "new Client({ timeout: opts.timeout }).connect();";
    expect(await findingLines("idle-timer.js", idle(flips, handed).join("\n"))).toEqual(kept);
  });

  const keyPress = (fires: string) => [
    "const LONG_KEY_PRESS_TIMEOUT = 2 * 1000;",
    "export class InteractionManager {",
    "  clearLongPressTimeout() {",
    "    if (this.longKeyPressTimeout) {",
    "      clearTimeout(this.longKeyPressTimeout);",
    "      this.longKeyPressTimeout = null;",
    "    }",
    "  }",
    "  runIfLongPress(action, delay = LONG_KEY_PRESS_TIMEOUT) {",
    "    this.clearLongPressTimeout();",
    "    this.longKeyPressTimeout = setTimeout(() => {",
    `      ${fires}`,
    "      this.clearLongPressTimeout();",
    "    }, delay);",
    "  }",
    "}",
  ];

  it("releases a long key press delay whose timer runs the action it was given", async () => {
    expect(await findingLines("manager.js", keyPress("(action || noop)();").join("\n"))).toEqual([]);
  });

  it("keeps the delay whose timer rejects or closes the connection", async () => {
    const kept = ["1: no-hardcoded-timeout"];
    expect(await findingLines("manager.js", keyPress("this.reject(new Error('slow'));").join("\n"))).toEqual(kept);
    expect(await findingLines("manager.js", keyPress("this.connection.close();").join("\n"))).toEqual(kept);
  });
});
