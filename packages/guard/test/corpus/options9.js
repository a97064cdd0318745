// A client's option defaults are settings, not a table of codes: camelCase names with a timeout of a second or more
// among them (issue 9, session 9 JS recall). `expect:` marks each line that must be flagged.
const DEFAULT_OPTS = {
  acquireTimeout: 20000, // expect: no-hardcoded-timeout
  connectionTimeout: 10000, // expect: no-hardcoded-timeout
  frameMax: 8192,
  heartbeat: 60,
  maxChannels: 0x07ff,
  retryLow: 1000,
  retryHigh: 30000,
};

// Still codes: error numbers (PascalCase names), a protocol's camelCase error codes written in hex, and camelCase
// option names marked 1 ("a known option").
const ErrorCodes = { HostUnreachable: 6, HostNotFound: 7, NetworkTimeout: 89, ShutdownInProgress: 91 };
const responseErrorCodes = {
  serverError: 0x0000,
  overloaded: 0x1001,
  writeTimeout: 0x1100,
  readTimeout: 0x1200,
  syntaxError: 0x2000,
};
const known = { connectTimeout: 1, database: 1, host: 1, port: 1 };

module.exports = { DEFAULT_OPTS, ErrorCodes, responseErrorCodes, known };
