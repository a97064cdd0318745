// A test's watchdog handed the promise's reject by name (issue 9, session 17 JS recall; http2-client's e2e test): the
// timer fails the test if the expected error has not come, whatever the other tests of the suite abort. `expect:`
// marks each line that must be flagged.
const { expect } = require("chai");
const { request } = require("../lib/index");

describe("request", () => {
  it("aborts", () => {
    return new Promise((resolve, reject) => {
      const req = request({ host: "localhost", port: 8443 });
      req.on("abort", () => resolve("aborted"));
      req.end();
      req.abort();
    });
  });

  it("emits a network error", () => {
    return new Promise((resolve, reject) => {
      const req = request({ host: "localhost", port: 54321 });
      req.on("error", (err) => {
        try {
          expect(err.code).eq("ECONNREFUSED");
          resolve();
        } catch (error) {
          reject(error);
        }
      });
      req.end();
      setTimeout(reject, 100); // expect: no-hardcoded-timeout
    });
  });
});
