// JS recall, session 10 (issue 9): timeouts written in shapes the checker did not read. `expect:` marks each line
// that must be flagged; every other line must come out clean.

// A setter whose name says it sets a timeout, given a duration (node-rdkafka's consumer, a client's request timeout).
function consumeSome(consumer, client) {
  consumer.setDefaultConsumeTimeout(1000); // expect: no-hardcoded-timeout
  client.setRequestTimeout(5 * 1000); // expect: no-hardcoded-timeout
  // 0 means "don't wait" for some receivers and "no limit" for others: the receiver decides, not the setter's name.
  consumer.setDefaultConsumeTimeout(0);
  // An expiry (a message's visibility) is no wait; nor is a count, nor a value the caller passed.
  queue.setVisibilityTimeout(30);
  client.setTimeoutCount(3);
  client.setRequestTimeout(options.requestTimeout);
}

// A helper that bounds a promise, given an option with a fallback: whatever the option is called, the fallback is
// the default bound (growthbook's `promiseTimeout(trackingCall, maxNavigateDelay ?? 1000)`).
async function navigateAfterTracking(trackingCall, options) {
  await promiseTimeout(trackingCall, options.maxNavigateDelay ?? 1000); // expect: no-hardcoded-timeout
  await withTimeout(trackingCall, options.maxWait || 2000); // expect: no-hardcoded-timeout
  // Compiled code calls an imported helper as `(0, module.helper)(...)`.
  await (0, _util.promiseTimeout)(trackingCall, 1500); // expect: no-hardcoded-timeout
  // A fallback of 0 is no duration.
  await promiseTimeout(trackingCall, options.maxWait ?? 0);
}

// A snake-case timeout name with its unit after "in" (mixpanel's flags providers).
const mergedConfig = {
  api_host: "api.example.com",
  request_timeout_in_seconds: 10, // expect: no-hardcoded-timeout
  polling_interval_in_seconds: 60,
};

// A timer that settles the promise its executor waits on, while a listener settles it too: the timer gives up
// waiting for the event (discord.js' template guild, a file watcher's `add` event, a `ready` event).
function createGuild(client, data) {
  return new Promise((resolve) => {
    const resolveGuild = (guild) => {
      client.off("guildCreate", handleGuild);
      resolve(guild);
    };
    const handleGuild = (guild) => {
      if (guild.id !== data.id) return;
      clearTimeout(timeout);
      resolveGuild(guild);
    };
    client.on("guildCreate", handleGuild);
    const timeout = setTimeout(() => resolveGuild(client.guilds.add(data)), 10_000); // expect: no-hardcoded-timeout
  });
}
function awaitAdd(engine) {
  return new Promise((resolve, reject) => {
    function finish(err) {
      if (err) reject(err);
      else resolve();
    }
    engine.on("all", (event) => event === "add" && finish());
    setTimeout(() => finish(), 1000); // expect: no-hardcoded-timeout
  });
}
function readyOrNot(emitter) {
  return new Promise((resolve) => {
    emitter.once("ready", resolve);
    setTimeout(resolve, 2000); // expect: no-hardcoded-timeout
  });
}
// Not races: a sleep resolves only from its timer; resolving at once when already ready is no listener.
function sleepAWhile() {
  return new Promise((resolve) => setTimeout(resolve, 500));
}
function readyNowOrLater(isReady) {
  return new Promise((resolve) => {
    if (isReady) return resolve();
    setTimeout(resolve, 300);
  });
}
// A poll that re-arms the function it runs in paces its checks (50 ms); the time it gives up after, held against the
// clock, is its timeout (session 43, `clock-deadlines.ts`).
function pollUntilParsed(parsed, subject) {
  return new Promise((resolve, reject) => {
    const start = Date.now();
    const check = () => {
      if (parsed.has(subject)) resolve(parsed.get(subject));
      else if (Date.now() - start > 2000) reject(new Error("gave up")); // expect: no-hardcoded-timeout
      else setTimeout(check, 50);
    };
    check();
  });
}

module.exports = {
  consumeSome,
  navigateAfterTracking,
  mergedConfig,
  createGuild,
  awaitAdd,
  readyOrNot,
  sleepAWhile,
  readyNowOrLater,
  pollUntilParsed,
};
