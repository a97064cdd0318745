// Calls of helpers imported by name whose first argument is a call with calls nested in it (session 22): the
// deadline helper's duration is a timeout wherever the promise it bounds comes from; the settling helper's is a pause.
const { withStartDeadline, settleAfter } = require("./deadlines.js");

async function start(store, app) {
  await withStartDeadline(store.start(null, app.makePath("")), 15_000); // expect: no-hardcoded-timeout
  await settleAfter(store.flush(app.makePath("")), 1500);
}

module.exports = { start };
