// A test that moves Jest's or Vitest's clock by hand runs on fake timers (enabled by an earlier test, a hook or the
// config): its durations are measured on that clock (ydb-sdk's context tests).
const { Context } = require("./context");

describe("Context", () => {
  const root = Context.createNew({ cancel: true }).ctx;

  it("cancels on timeout", () => {
    const { dispose } = root.createChild({ timeout: 2000 });
    jest.advanceTimersByTime(10000);
    dispose();
  });

  it("cancels on the next timer", async () => {
    root.createChild({ timeout: 3000 });
    await vi.runOnlyPendingTimersAsync();
  });

  // A test that never moves the clock waits in real time.
  it("cancels for real", async () => {
    const { ctx } = root.createChild({ timeout: 2500 }); // expect: no-hardcoded-timeout
    await ctx.done;
  });
});
