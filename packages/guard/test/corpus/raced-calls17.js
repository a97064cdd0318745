// Timer promises raced against an operation through a call (issue 9, session 17 JS recall): node:timers/promises'
// sleep as a race element, and a function of the file that returns the promise its timer resolves, called as one.
// Whichever settles first ends the wait, so the delay bounds it. `expect:` marks each line that must be flagged.
const promises_1 = require("node:timers/promises");
const { setTimeout: sleep } = require("timers/promises");

async function closeConsumer(consumer) {
  await Promise.race([
    consumer.cancel(),
    (0, promises_1.setTimeout)(5000, undefined, { ref: false }), // expect: no-hardcoded-timeout
  ]);
}

async function stop(server) {
  await Promise.race([server.close(), sleep(2000).then(() => "gave up")]); // expect: no-hardcoded-timeout
}

async function insert(page) {
  let waitForNoResults;
  const waitForInsertElement = async () => page.waitForSelector(".inserter button:first-child");
  waitForNoResults = async () => {
    return await new Promise((resolve) => setTimeout(() => resolve(null), 5e3)); // expect: no-hardcoded-timeout
  };
  return await Promise.race([waitForInsertElement(), waitForNoResults()]);
}

// Not raced: a sleep between rounds, a sleep beside an already settled promise, and a raced function whose timer
// only paces its own polling (the callback runs the next round, it settles nothing).
async function pace(queue) {
  while (!queue.done) await (0, promises_1.setTimeout)(1000);
  await Promise.race([Promise.resolve(), sleep(3000)]);
}

function poll(check) {
  return new Promise((resolve) => {
    const tick = () => (check() ? resolve() : setTimeout(tick, 100));
    tick();
  });
}

async function ready(check, job) {
  return Promise.race([poll(check), job()]);
}

// A race in a loop that goes round again when the sleep wins: the sleep paces a poll (Temporal's Bun workaround).
async function terminate(worker) {
  const pollIntervalMs = 100;
  const terminating = worker.terminate();
  let result = null;
  while (!worker.exited) result = await Promise.race([terminating, (0, promises_1.setTimeout)(pollIntervalMs, null)]);
  return result;
}

module.exports = { closeConsumer, stop, insert, pace, ready, terminate };
