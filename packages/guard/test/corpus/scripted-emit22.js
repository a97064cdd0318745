// In a test of mocked modules, a timer whose callback only emits the mock's event (`query.emit("timeout")`,
// `client().__emitter__.emit(Event.SDK_READY_TIMED_OUT)`) scripts what the code under test reacts to: its delay is
// choreography, like a scripted abort (issue 9, session 22: splitio-redux). A watchdog that fails the test when it
// fires is still a deadline, and so is an emit in a test without mocked modules (`codes-doubles11.js`'s real server).
// `expect:` marks findings.
const { EventEmitter } = require("node:events");
const assert = require("node:assert");

jest.mock("./sdk", () => ({ SplitFactory: () => mockSdk() }));

describe("resolve", () => {
  it("rejects when the query times out", async () => {
    const query = new EventEmitter();
    const pending = resolveWith(query);
    setTimeout(() => {
      query.emit("timeout");
    }, 10);
    await assert.rejects(pending, /timed out/);
  });

  it("reports the SDK's ready timeout", async () => {
    const sdk = mockSdk();
    setTimeout(() => sdk.client().__emitter__.emit("SDK_READY_TIMED_OUT", "SDK_READY_TIMED_OUT"), 100);
    await assert.rejects(init(sdk), /SDK_READY_TIMED_OUT/);
  });

  it("resolves before the watchdog", (done) => {
    const query = new EventEmitter();
    const timer = setTimeout(() => done(new Error("timed out")), 2000); // expect: no-hardcoded-timeout
    query.once("answer", () => {
      clearTimeout(timer);
      done();
    });
    query.emit("answer");
  });
});

function resolveWith(query) {
  return new Promise((resolve, reject) => query.once("timeout", () => reject(new Error("timed out"))));
}
function mockSdk() {
  const emitter = new EventEmitter();
  return { client: () => ({ __emitter__: emitter }) };
}
function init(sdk) {
  return new Promise((resolve, reject) => sdk.client().__emitter__.once("SDK_READY_TIMED_OUT", reject));
}
