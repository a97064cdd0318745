// JS recall, session 11 round 2 (issue 9): timeouts a request gets from how it is built (a builder's chained
// `.timeout(ms)`, a helper's abort signal), timers whose callback is a named abort or an injected timer function,
// a timeout callback that reports "timeout" beside a reconnect counter, and names `TimeoutFor...InMs`. `expect:`
// marks each line that must be flagged; every other line must come out clean.
import { timeoutSignal } from "./http-api/utils";

// A request builder's timeout, chained on the request the chain started (unirest, superagent, supertest).
function redirects(unirest, request, app, should) {
  unirest.get("http://mockbin.com/redirect/302").timeout(2500).end(function (response) { // expect: no-hardcoded-timeout
    should(response.status).equal(200);
  });
  request(app).post("/upload").set("X-Id", "1").timeout(200).expect(201); // expect: no-hardcoded-timeout
}
// Not a request: a `.timeout()` on something no HTTP method started, and a builder's 0 (left to the builder).
function notRequests(queue, unirest) {
  queue.create("email").timeout(3000).save();
  unirest.get("http://x").timeout(0).end(() => {});
}

// A helper's abort signal after a duration, handed to the request as its `signal`.
async function wellKnown(url) {
  return fetch(url, { method: "GET", signal: timeoutSignal(5000) }); // expect: no-hardcoded-timeout
}
// A signal built from something that is no duration, and a schema of a process signal's number.
async function withSignal(url, controller, signals, z) {
  await fetch(url, { signal: controller.signal });
  await fetch(url, { signal: AbortSignal.any(signals) });
  return z.object({ signal: z.number().int().min(1).max(64) });
}

// A named callback that aborts the request, and a timer function handed in (injected timers).
function upload(xhr, deferred, callbacks) {
  const timeoutFn = function () {
    xhr.abort();
    deferred.reject(new Error("Timeout"));
  };
  let timer = callbacks.setTimeout(timeoutFn, 30000); // expect: no-hardcoded-timeout
  xhr.onprogress = () => {
    callbacks.clearTimeout(timer);
    timer = callbacks.setTimeout(timeoutFn, 30000); // expect: no-hardcoded-timeout
  };
  const tick = function () {
    console.log("tick");
  };
  callbacks.setTimeout(tick, 1000);
}
// A poll that re-arms itself; its deadline is the elapsed-time check, not the timer's delay.
function waitForMail(map, id, start, resolve, reject) {
  const checkMap = () => {
    if (map.has(id)) resolve(map.get(id));
    else if (Date.now() - start > 2000) reject(new Error("Timed out waiting for email"));
    else setTimeout(checkMap, 50);
  };
  checkMap();
}

// A connect timer whose callback reports the timeout (its event payload counts reconnects): a deadline, read from
// a defaults table elsewhere in the file.
function RobustSocket(url, userOptions) {
  const opts = Object.assign({}, RobustSocket.defaultOptions, userOptions);
  let reconnects = 0;
  setTimeout(function () {
    self.dispatchEvent(Object.assign(new CustomEvent("timeout"), { reconnects: reconnects }));
  }, opts.timeout);
}
RobustSocket.defaultOptions = {
  timeout: 4000, // expect: no-hardcoded-timeout
};

// "for ..." after a timeout says which calls it bounds.
const Constants = {
  RequestTimeoutForReadsInMs: 2000, // expect: no-hardcoded-timeout
  EncryptionCacheRefreshIntervalInMs: 60000,
};
