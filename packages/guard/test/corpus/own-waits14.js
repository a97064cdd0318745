// Session 14 round 2 (guard-ownwait): a wait's own "no limit" default is the caller's choice (eval README rule
// "A wait's own "no limit" default"); a "no limit" an object keeps for its later waits stays reported.

class SessionPool {
  constructor(timeout = 0) { // expect: no-unbounded-timeout
    // A constructor keeps its default for the waits the pool makes later.
    this.timeout = timeout;
  }

  // ydb-sdk's pool: acquire IS the wait for a free session; its own 0 leaves the bound to the caller.
  acquire(timeout = 0) {
    return new Promise((resolve, reject) => {
      this.waiters.push(resolve);
      if (timeout) {
        setTimeout(() => reject(new Error(`No session became available within ${timeout} ms`)), timeout);
      }
    });
  }

  // It hands its own 0, unchanged, to a same-file wait: the caller's choice too.
  async withSession(callback, timeout = 0) {
    const session = await this.acquire(timeout);
    return callback(session);
  }

  // A method that stores its default on the object keeps it for later waits: reported.
  configure(readTimeout = 0) { // expect: no-unbounded-timeout
    this.readTimeout = readTimeout;
    if (this.readTimeout) setTimeout(() => this.close(), this.readTimeout);
  }

  // A method that hands its default to an options object someone else reads: reported.
  connect({ connectTimeout = 0 } = {}) { // expect: no-unbounded-timeout
    if (connectTimeout > 0) setTimeout(() => this.abort(), connectTimeout);
    return this.open({ connectTimeout });
  }
}

// mineflayer's helper: a destructured option's default, handed only to the timer it arms itself.
function onceWithCleanup(emitter, event, { timeout = 0 } = {}) {
  return new Promise((resolve, reject) => {
    emitter.once(event, resolve);
    if (timeout > 0) setTimeout(() => reject(new Error("Event " + event + " did not fire within timeout")), timeout);
  });
}

module.exports = { SessionPool, onceWithCleanup };
