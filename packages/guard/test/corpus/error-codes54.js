// JS `no-hardcoded-timeout`, session 54 (issue 9): a timeout-named constant read only as an argument of `super(...)`
// in a class that extends an error is the error's code (@dbos-inc/dbos-sdk's `const StepTimeout = 31`, handed as
// `super(message, StepTimeout)`, fresh260). The same constant also handed to a timer stays a duration.
class DBOSError extends Error {
  constructor(message, code) {
    super(message);
    this.dbosErrorCode = code;
  }
}

const StepTimeout = 31;
class DBOSStepTimeoutError extends DBOSError {
  constructor(stepName) {
    super(`Step ${stepName} timed out`, StepTimeout);
  }
}

const QueryTimeout = 35; // expect: no-hardcoded-timeout
class DBOSQueryTimeoutError extends DBOSError {
  constructor() {
    super("query timed out", QueryTimeout);
  }
}

class Wait {
  constructor(resolve) {
    this.timer = setTimeout(resolve, QueryTimeout);
  }
}

module.exports = { DBOSStepTimeoutError, DBOSQueryTimeoutError, Wait };
