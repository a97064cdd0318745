// Issue 9, session 12: a generated enum with its reverse mapping (steam-user's `EResult`: `"Timeout": 16` beside
// `"16": "Timeout"`) is a code table: its timeout-named entry is a code. `expect:` marks findings.
/**
 * @enum
 * @readonly
 */
const EResult = {
  Invalid: 0,
  OK: 1,
  Fail: 2,
  NoConnection: 3,
  Timeout: 16,
  Banned: 17,
  0: "Invalid",
  1: "OK",
  2: "Fail",
  3: "NoConnection",
  16: "Timeout",
  17: "Banned",
};
module.exports = EResult;

// Strings that are not a code's name make a settings object: its timeout is one.
const defaults = {
  host: "localhost",
  port: 5432,
  retries: 3,
  user: "admin",
  connectTimeout: 16, // expect: no-hardcoded-timeout
};
module.exports.defaults = defaults;
