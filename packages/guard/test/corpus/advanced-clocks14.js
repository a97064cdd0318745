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

// ydb-sdk's retryer tests: a fixture installs Jest's fake timers in a hook: the suite's durations run on that clock.
describe("retryer", () => {
  const fakeTimersFixture = new FakeTimersFixture();
  const parameters = new RetryParameters({ timeout: 1000 });

  beforeEach(() => {
    fakeTimersFixture.setup();
  });

  it("gives up", async () => {
    await retry(parameters, { timeout: 900 });
    await fakeTimersFixture.advanceTimer(1000 + 1);
  });
});

// A suite without the fixture waits in real time.
describe("retryer for real", () => {
  it("gives up", async () => {
    await retry(new RetryParameters({ timeout: 1500 })); // expect: no-hardcoded-timeout
  });
});
