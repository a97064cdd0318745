// JS `no-hardcoded-timeout`, session 56 (issue 9): a timeout-named CommonJS export read in its file only as an argument
// of `super(...)` in a class that extends an error is the error's code (@dbos-inc/dbos-sdk's `exports.StreamTimeout =
// 33`, handed as `super(message, exports.StreamTimeout)`, fresh260). One also handed to a timer stays a duration, and
// so does one the file never reads (another module may wait on it).
class DBOSError extends Error {
  constructor(message, code) {
    super(message);
    this.dbosErrorCode = code;
  }
}

exports.StreamTimeout = 33;
class DBOSStreamTimeoutError extends DBOSError {
  constructor(key) {
    super(`No value arrived on stream ${key}`, exports.StreamTimeout);
  }
}
exports.DBOSStreamTimeoutError = DBOSStreamTimeoutError;

exports.QueryTimeout = 35; // expect: no-hardcoded-timeout
class DBOSQueryTimeoutError extends DBOSError {
  constructor() {
    super("query timed out", exports.QueryTimeout);
  }
}
exports.DBOSQueryTimeoutError = DBOSQueryTimeoutError;

exports.Wait = class Wait {
  constructor(resolve) {
    this.timer = setTimeout(resolve, exports.QueryTimeout);
  }
};

exports.PollTimeout = 30; // expect: no-hardcoded-timeout
