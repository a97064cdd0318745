// JS `no-hardcoded-timeout`, session 52 (issue 9), from blind set fresh223 (@autoblocks/client): a duration object
// (`{ seconds: 5 }`, every key a unit) is a bound written in its unit, also when a converter named for milliseconds
// turns it into the number a wait reads (a bundle calls it as `chunk.convertTimeDeltaToMilliSeconds.call(void 0, x)`).
// An object with other keys is not a duration.
const chunk = require("./chunk.js");

class AutoblocksTracer {
  constructor(args) {
    this.timeoutMs = chunk.convertTimeDeltaToMilliSeconds.call(
      void 0,
      (args == null ? void 0 : args.timeout) || { seconds: 5 }, // expect: no-hardcoded-timeout
    );
  }

  async send(body) {
    return fetch("https://ingest.example", { method: "POST", body, signal: AbortSignal.timeout(this.timeoutMs) });
  }
}

function flush(timeout) {
  const timeoutMilliseconds = chunk.convertTimeDeltaToMilliSeconds(timeout || { seconds: 30 }); // expect: no-hardcoded-timeout
  return timeoutMilliseconds;
}

const client = new chunk.Client({ timeout: { seconds: 30 } }); // expect: no-hardcoded-timeout
const shown = new chunk.Client({ timeout: { label: "slow", retries: 3 } });

module.exports = { AutoblocksTracer, flush, client, shown };
