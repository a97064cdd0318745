// JS `no-hardcoded-timeout`, session 47 (issue 9): a helper that races a value against its own timer
// (@acala-network/eth-providers' `promiseWithTimeout(value, interval = 1000)`: the timer resolves null after the
// interval, and `Promise.race([value, timeoutPromise])` settles with whichever comes first) is bounded by that timer's
// delay, so the parameter's default is the default bound. A sleep helper's default, raced nowhere, stays a pause.
export const sleep = (interval = 1000) => new Promise((resolve) => setTimeout(() => resolve(null), interval));

export const promiseWithTimeout = (value, interval = 1000) => { // expect: no-hardcoded-timeout
  let timeoutHandle;
  const timeoutPromise = new Promise((resolve) => {
    timeoutHandle = setTimeout(() => resolve(null), interval);
  });
  return Promise.race([value, timeoutPromise]).finally(() => clearTimeout(timeoutHandle));
};
