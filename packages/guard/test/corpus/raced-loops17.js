// Raced sleeps in loops (review17 item 7): only a loop that goes round until a condition holds is a poll the sleep
// paces. A loop over items, per try, or with a constant condition gives each round its own deadline: reported.
// `expect:` marks each line that must be flagged.
const { setTimeout: sleep } = require("node:timers/promises");

async function closeAll(consumers) {
  for (const consumer of consumers) {
    await Promise.race([consumer.cancel(), sleep(5000)]); // expect: no-hardcoded-timeout
  }
}

async function closeOne(consumer) {
  await Promise.race([consumer.cancel(), sleep(5000)]); // expect: no-hardcoded-timeout
}

async function attempt(op) {
  for (let i = 0; i < 3; i++) {
    const done = await Promise.race([op(), sleep(2000).then(() => false)]); // expect: no-hardcoded-timeout
    if (done) return true;
  }
  return false;
}

async function untilAnswered(op) {
  while (true) {
    const answer = await Promise.race([op.next(), sleep(3000).then(() => null)]); // expect: no-hardcoded-timeout
    if (answer === null) break;
  }
}

// A raced function of the file whose timer settles its promise, called in a loop over items: a deadline per item.
const timeUp = () => new Promise((resolve) => setTimeout(() => resolve(null), 4000)); // expect: no-hardcoded-timeout

async function drain(queues) {
  for (const queue of queues) await Promise.race([queue.drain(), timeUp()]);
}

// Polls: the loop goes round until the operation says it is done, and the sleep only paces the rounds.
async function watch(op) {
  while (!op.done) await Promise.race([op.next(), sleep(250)]);
  do {
    await Promise.race([op.next(), sleep(500)]);
  } while (op.pending);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 100));

async function follow(op) {
  while (!op.done) await Promise.race([op.next(), tick()]);
}

module.exports = { closeAll, closeOne, attempt, untilAnswered, drain, watch, follow };
