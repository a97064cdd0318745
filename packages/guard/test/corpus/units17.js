// "msecs" after a timeout's name is a unit (Node's own `keepAliveMsecs` spells milliseconds so): issue 9, session 17
// JS recall (yakaa's test agents). `expect:` marks each line that must be flagged.
const { Agent } = require("yakaa");

function agents(web) {
  const idle = new Agent({ keepAlive: true, keepAliveTimeoutMsecs: 100 }); // expect: no-hardcoded-timeout
  const counted = new Agent({ keepAlive: true, keepAliveMsecs: 1000 });
  return [idle, counted].map((agent) => web.request({ agent }));
}

module.exports = { agents };
