// A module's own options object merged and read by the key (`opts.timeout`): the timeout bounds the wait, and stays
// reported (unread-option-fields28.js holds the field nothing reads).
const DEFAULT_WAIT_OPTIONS = {
  timeout: 5000, // expect: no-hardcoded-timeout
  interval: 100,
};

export async function waitFor(check, options = {}) {
  const opts = { ...DEFAULT_WAIT_OPTIONS, ...options };
  const start = Date.now();
  while (Date.now() - start < opts.timeout) {
    if (await check()) return;
    await sleep(opts.interval);
  }
  throw new Error("timed out");
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
