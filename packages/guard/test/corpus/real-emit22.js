// In a test that mocks some modules, a timer that emits an event on a real object the test built (`net.createServer()`)
// is still the test's deadline: only an emit on a mock's object (a `new EventEmitter()` or `jest.fn()` stand-in, a
// mocked module's export) is the scripted action (issue 9, session 22 review of scripted-emit22.js). `expect:` marks
// findings.
const net = require("net");
const { resolve } = require("../src/resolver");
const { bus } = require("./fake-bus");

jest.mock("../src/logger");
jest.mock("./fake-bus");

describe("resolve", () => {
  it("fails when the server never answers", (done) => {
    const server = net.createServer();
    resolve("record.name", "A").catch(() => done());
    setTimeout(() => server.emit("timeout"), 5000); // expect: no-hardcoded-timeout
  });

  it("reacts to the mocked bus", (done) => {
    resolve("record.name", "A").catch(() => done());
    setTimeout(() => bus.emit("timeout"), 5000);
  });
});
