// JS `no-unbounded-timeout`, session 22 (issue 9): receivers that spell "unbounded" their own way.
// birpc arms a call's timer only when `timeout >= 0`, so `createBirpc(fns, { timeout: -1 })` leaves every RPC
// waiting for its answer unbounded (vitest's worker RPC, rstest's container RPC). Elsewhere a negative in
// options stays a sentinel: `createClient({ timeout: -1 })` to a receiver nobody here knows is not reported.
// birpc's `timeout: 0` rejects every call at once (no wait to bound, not reported); an options object held in a local
// and passed whole (`const options = { timeout: -1 }; createBirpc(fns, options)`) is birpc's options too.
const { createBirpc } = require("birpc");
const { createClient } = require("./client");

function attach(ws, methods) {
  return createBirpc(methods, {
    timeout: -1, // expect: no-unbounded-timeout
    post: (data) => ws.send(JSON.stringify(data)),
    on: (fn) => ws.on("message", (message) => fn(JSON.parse(message))),
  });
}

function reject(ws, methods) {
  return createBirpc(methods, { timeout: 0, post: (data) => ws.send(data) });
}

function held(ws) {
  const options = {
    timeout: -1, // expect: no-unbounded-timeout
    post: (data) => ws.send(data),
  };
  return createBirpc({}, options);
}

const client = createClient({ timeout: -1 });

module.exports = { attach, reject, held, client };
