// JS `no-unbounded-timeout`, session 22 (issue 9): a factory's own `timeout = Infinity`, handed under a timeout's key
// to the call that builds what it returns (@atproto/ozone's `createSafeFetch`): an `Infinity` timeout means "unbounded" to
// whatever reads it, and the fetch it builds keeps it. A 0 handed on the same way is the receiver's business (it may
// mean "at once"), and an `Infinity` under another key (`retries`) bounds no wait.
const { safeFetchWrap } = require("./fetch-wrap");

const createSafeFetch = ({ timeout = Infinity, responseMaxSize = 1024 } = {}) => { // expect: no-unbounded-timeout
  const safeFetch = safeFetchWrap({ responseMaxSize, timeout });
  return (input, init) => safeFetch(input, { ...init, redirect: "error" });
};

const createRetryingFetch = ({ retries = Infinity, timeout = 0 } = {}) => {
  const safeFetch = safeFetchWrap({ retries, timeout });
  return (input, init) => safeFetch(input, init);
};

module.exports = { createSafeFetch, createRetryingFetch };
