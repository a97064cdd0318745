// "timeout" spelled oddly (issue 9, fresh8's tcp-port-used and testem misses): written as two words, or with the
// moment its clock starts after it. `expect:` marks each line that must be flagged.
const tcpPortUsed = require("tcp-port-used");

tcpPortUsed.waitUntilUsed({ port: 44204, retryTimeMs: 500, timeOutMs: 4000 }); // expect: no-hardcoded-timeout
const TIME_OUT = 30000; // expect: no-hardcoded-timeout
const options = { idle_time_out: 60000 }; // expect: no-hardcoded-timeout
// How long to wait for "close" once the process has exited.
const closeTimeoutAfterExit = 1000; // expect: no-hardcoded-timeout

// Not a timeout: a misspelt option nothing reads, a date output, a count.
const typo = { timeOutM: 4000 };
const datetime_out = 5;
const timeOutCount = 3;

module.exports = { TIME_OUT, options, closeTimeoutAfterExit, typo, datetime_out, timeOutCount };
