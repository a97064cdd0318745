// JS `no-hardcoded-timeout`, session 17 (issue 9): a request's `req.setTimeout(1, () => req.abort())` in a test that
// then checks the abort (http2-client's ECONNRESET tests) is the scripted action under test, like a `setTimeout`
// that aborts; a `catch (err) { reject(err) }` around the abort hands on the abort's own failure, it is no watchdog.
// A listener that fails the test, and a request timeout in a test that expects no abort, stay reported.
const { expect } = require("chai");
const { request } = require("../lib");

describe("aborts", () => {
  it("emits a reset when the request is aborted", () =>
    new Promise((resolve, reject) => {
      const req = request({ path: "/" });
      req.on("error", (err) => {
        try {
          expect(err.code).eq("ECONNRESET");
          resolve();
        } catch (error) {
          reject(error);
        }
      });
      req.end();
      req.setTimeout(1, () => {
        try {
          req.abort();
          resolve();
        } catch (err) {
          reject(err);
        }
      });
    }));

  it("fails when the reset comes too late", () =>
    new Promise((resolve, reject) => {
      const req = request({ path: "/" });
      req.on("error", (err) => {
        expect(err.code).eq("ECONNRESET");
        resolve();
      });
      req.end();
      req.setTimeout(2000, () => reject(new Error("no reset"))); // expect: no-hardcoded-timeout
    }));
});

describe("answers", () => {
  it("gets the body in time", () =>
    new Promise((resolve, reject) => {
      const req = request({ path: "/slow" });
      req.on("response", () => resolve());
      req.end();
      req.setTimeout(3000, () => { // expect: no-hardcoded-timeout
        try {
          req.destroy();
        } catch (err) {
          reject(err);
        }
      });
    }));
});

// Review 17 item 4: the abort's error named only to fail the test is a watchdog (the test passes on the response).
describe("watchdog", () => {
  it("answers the home page", (done) => {
    const req = request({ path: "/" }, (res) => {
      expect(res.statusCode).eq(200);
      done();
    });
    req.setTimeout(5000, () => req.abort()); // expect: no-hardcoded-timeout
    req.on("error", (err) => done(err.code === "ECONNRESET" ? new Error("the server did not answer in time") : err));
  });
});
