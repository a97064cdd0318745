// A module's own options object whose duration nothing reads: kit's env-file lock merges its defaults and reads only
// `opts.maxRetries` and `opts.retryInterval` (its loop is bounded by its tries); its timeout is read nowhere.
const DEFAULT_LOCK_OPTIONS = {
  timeout: 10000,
  retryInterval: 100,
  maxRetries: 100,
};

export async function acquire(options = {}) {
  const opts = { ...DEFAULT_LOCK_OPTIONS, ...options };
  for (let attempt = 0; attempt < opts.maxRetries; attempt++) {
    if (await tryLock()) return true;
    await sleep(opts.retryInterval);
  }
  throw new Error(`Failed to acquire lock after ${opts.maxRetries} attempts`);
}

// Merged into an object handed on whole: the callee may read the key.
const REQUEST_DEFAULTS = {
  connectTimeout: 3000, // expect: no-hardcoded-timeout
  retries: 2,
};

export function get(url, options) {
  const merged = { ...REQUEST_DEFAULTS, ...options };
  return request(url, merged);
}

// Exported: another module may read it.
export const EXPORTED_DEFAULTS = {
  idleTimeout: 30000, // expect: no-hardcoded-timeout
  size: 4,
};
const copy = { ...EXPORTED_DEFAULTS };
console.log(copy.size);

async function tryLock() {
  return true;
}
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
function request(url, options) {
  return fetch(url, options);
}
