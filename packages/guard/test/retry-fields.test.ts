import { describe, expect, it } from "vitest";
import { packageFindings } from "./helpers.ts";

// A pause between tries handed as a field of an options object (session 28, guard-jsretry28b): sauce-connect-launcher's
// `lib/try_run.js` reads `retryOptions.timeout` only as the delay of a timer whose callback calls `tryRun` again, so
// `timeout` of the object its callers hand there (and a default read only in that field) waits for nothing to end.
// A timer whose callback rejects the try is a deadline: the same field read there stays reported.

const tryRun = [
  '"use strict";',
  "module.exports = function tryRun(count, retryOptions, fn, callback) {",
  "  fn(function (err, result) {",
  "    if (err) {",
  "      if (count < retryOptions.retries) {",
  "        return setTimeout(function () {",
  "          tryRun(count + 1, retryOptions, fn, callback);",
  "        }, retryOptions.timeout);",
  "      }",
  "      return callback(err);",
  "    }",
  "    callback(null, result);",
  "  });",
  "};",
].join("\n");

const launcher = [
  'var tryRun = require("./try_run");',
  "var defaultConnectRetryTimeout = 2000;",
  "function run(options, callback) {",
  "  tryRun(0, {",
  "    retries: options.connectRetries,",
  "    timeout: options.connectRetryTimeout || defaultConnectRetryTimeout",
  "  }, function (tryCallback) { return connect(options, tryCallback); }, callback);",
  "}",
  "module.exports = run;",
].join("\n");

const test = [
  'const tryRun = require("../lib/try_run");',
  'it("retries", function (done) {',
  "  var retryOptions = { retries: 2, timeout: 10 };",
  "  tryRun(0, retryOptions, function (cb) { cb(new Error('x')); }, function () { done(); });",
  "});",
].join("\n");

describe("a retry pause handed as an options field", () => {
  it("silences the field, a local object only handed there, and a default read only there", async () => {
    expect(
      await packageFindings({ "lib/try_run.js": tryRun, "lib/launcher.js": launcher, "test/try_run.test.js": test }),
    ).toEqual([]);
  });

  it("reports them without the function that retries with them", async () => {
    expect(await packageFindings({ "lib/launcher.js": launcher, "test/try_run.test.js": test })).toEqual([
      "lib/launcher.js:2: no-hardcoded-timeout",
      "test/try_run.test.js:3: no-hardcoded-timeout",
    ]);
  });

  it("keeps a per-try deadline reported (the timer's callback fails the try)", async () => {
    const attempt = [
      "module.exports = function attempt(count, options, fn, callback) {",
      "  var timer = setTimeout(function () {",
      '    callback(new Error("timed out"));',
      "  }, options.timeout);",
      "  fn(function (err) { clearTimeout(timer); callback(err); });",
      "};",
    ].join("\n");
    const caller = [
      'var attempt = require("./attempt");',
      "attempt(0, { retries: 2, timeout: 5000 }, work, done);",
    ].join("\n");
    expect(await packageFindings({ "lib/attempt.js": attempt, "lib/caller.js": caller })).toEqual([
      "lib/caller.js:2: no-hardcoded-timeout",
    ]);
  });

  it("keeps the field reported when the function also bounds a wait with it", async () => {
    const both = tryRun.replace(
      "  fn(function",
      "  setTimeout(function () { callback(new Error('late')); }, retryOptions.timeout);\n  fn(function",
    );
    expect(await packageFindings({ "lib/try_run.js": both, "lib/launcher.js": launcher })).toEqual([
      "lib/launcher.js:2: no-hardcoded-timeout",
    ]);
  });
});
