import { describe, expect, it } from "vitest";
import { saysSchedule } from "../src/detect/javascript/no-wait-shapes.ts";

// A timer's callback or handle that names a renewal, refresh or reconnect makes its delay a schedule; the word must
// start a word, so a call that only holds its letters across two words is no schedule (session 17, JS recall).
describe("schedule words in a timer's callback or handle", () => {
  it("takes a reconnect, renewal, refresh or keep-alive that starts a word", () => {
    for (const text of [
      "this.scheduleReconnect()",
      "_reconnect()",
      "RECONNECT_TIMER",
      "this._tokenRenewalTimer",
      "autoRefresh()",
      "sendKeepAlive()",
      "donoop",
    ])
      expect(saysSchedule(text), text).toBe(true);
  });

  it("does not take the letters of a reconnect or renewal inside another word", () => {
    for (const text of ["this._captureConnectionContext(extras)", "this.restoreConnection()", "coreNewSession()"])
      expect(saysSchedule(text), text).toBe(false);
  });
});
