// JS `no-unbounded-timeout`, session 64 (issue 9), from session 63's blind sets: a wait's own "no limit" default
// written where the parameter list does not show it. @testing-library/preact-hooks (fresh398) writes it as an options
// object, `waitForNextUpdate(options = { timeout: 0 })`, read as `options.timeout` or handed on whole to `waitFor`;
// vibe-agent-toolkit (fresh400) destructures `const { timeoutMs = 0 } = options` first thing in the body and hands it
// on as `{ timeoutMs }`; rticonnextdds-connector (fresh398) writes `if (timeout === undefined) timeout = -1` inside
// the promise its method returns, then hands it to a native binding's `wait_for_*` call. Each function is the wait: the
// bound is its caller's choice. A "no limit" kept by a constructor or stored for later stays reported.
function TimeoutError(name, options) {
  this.message = `${name} timed out after ${options.timeout}ms`;
}

export function asyncUtils(addResolver) {
  let nextUpdatePromise;
  async function waitForNextUpdate(options = { timeout: 0 }) {
    if (!nextUpdatePromise) {
      nextUpdatePromise = new Promise((resolve, reject) => {
        const timeoutId =
          options.timeout > 0
            ? setTimeout(() => {
                reject(new TimeoutError("waitForNextUpdate", options));
              }, options.timeout)
            : null;
        addResolver(() => {
          if (timeoutId) clearTimeout(timeoutId);
          resolve();
        });
      });
    }
    await nextUpdatePromise;
  }

  async function waitFor(callback, { interval, timeout } = {}) {
    while (!callback()) {
      await (interval
        ? Promise.race([waitForNextUpdate({ timeout }), sleep(interval)])
        : waitForNextUpdate({ timeout }));
    }
  }

  async function waitForValueToChange(selector, options = { timeout: 0 }) {
    const initialValue = selector();
    await waitFor(() => selector() !== initialValue, { suppressErrors: false, ...options });
  }

  async function wait(callback, options = { timeout: 0, suppressErrors: true }) {
    try {
      await waitFor(callback, options);
    } catch (err) {
      if (err.timeout) throw new TimeoutError("wait", { timeout: options.timeout });
      throw err;
    }
  }

  return { waitFor, waitForNextUpdate, waitForValueToChange, wait };
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function requestApproval(prompt, options = {}) {
  const { timeoutMs = 0, onTimeout = "reject" } = options;
  return new Promise((resolve) => {
    let timeoutHandle;
    if (timeoutMs > 0) {
      timeoutHandle = setTimeout(() => resolve({ approved: onTimeout === "approve", timedOut: true }), timeoutMs);
    }
    ask(prompt, (answer) => {
      clearTimeout(timeoutHandle);
      resolve({ approved: answer === "yes" });
    });
  });
}

export async function requestChoice(prompt, config = {}) {
  const { timeoutMs = 0 } = config;
  return requestApproval(prompt, { timeoutMs });
}

export class Input {
  /**
   * Waits for the given timeout (or if no timeout is specified, it waits forever) for a publication to match.
   * @param {number} [timeout] The maximum time to wait, in milliseconds. By default, infinite.
   */
  waitForPublications(timeout) {
    return new Promise((resolve, reject) => {
      if (timeout === undefined) {
        timeout = -1;
      } else if (typeof timeout !== "number") {
        throw new TypeError("timeout must be a number");
      }
      binding.RTI_Connector_wait_for_matched_publication.async(this.native, timeout, (err, res) => {
        if (err) reject(err);
        else if (res === ReturnCodes.timeout) reject(new TimeoutError("waitForPublications", { timeout }));
        else resolve(res);
      });
    });
  }
}

export class Pool {
  constructor(
    options = { timeout: 0 }, // expect: no-unbounded-timeout
  ) {
    this.options = options;
  }
}

export class Session {
  /** Keeps the options for every later `acquire`: 0 means "wait as long as it takes". */
  configure(
    options = { acquireTimeout: 0 }, // expect: no-unbounded-timeout
  ) {
    this.options = { ...options };
  }

  async acquire() {
    await new Promise((resolve, reject) => {
      if (this.options.acquireTimeout > 0) setTimeout(reject, this.options.acquireTimeout);
      this.queue.push(resolve);
    });
  }
}
