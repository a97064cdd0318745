// JS `no-unbounded-timeout`, session 18 (issue 9): a 0 for which the wait answers at once.
// 1. A wait that settles at once when its timeout is unset (`if (timeoutMs <= 0 || signal?.aborted) return
//    Promise.resolve();`, bunqueue's `waitForJob`) before arming the timer of its promise: a 0 there means "do not
//    wait", nothing waits forever. The same for a rejection.
// 2. A guard whose branch hands back something that may still be pending (`Promise.resolve(this.send(request))`) or
//    returns nothing from a helper that arms its caller's timer keeps the timer "armed only when set": its 0 leaves a
//    wait with no bound, reported. The file's facts are by name: a name one function guards so stays guarded in all.
// 3. The same settled return inside a `new Promise` executor or an event callback (review18 item 1): its value is
//    dropped, the outer promise still waits for `resolve` with no timer for a 0, reported.
class WaiterManager {
  waitForJob(queueOrTimeout, maybeSignal) {
    const timeoutMs = typeof queueOrTimeout === "number" ? queueOrTimeout : 0;
    if (timeoutMs <= 0 || maybeSignal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      maybeSignal?.addEventListener("abort", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  pull(queue, waitMs) {
    const timeoutMs = Number.isInteger(waitMs) ? waitMs : 0;
    if (!timeoutMs) {
      return Promise.reject(new Error(`nothing queued in ${queue}`));
    }
    return new Promise((resolve, reject) => {
      setTimeout(() => reject(new Error(`nothing queued in ${queue} after ${timeoutMs} ms`)), timeoutMs);
      this.on(queue, resolve);
    });
  }
}

class Sender {
  constructor(options) {
    this.timeout = options.timeout || 0; // expect: no-unbounded-timeout
  }

  send(request) {
    if (!this.timeout) return Promise.resolve(this.transport.send(request));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("request timed out")), this.timeout);
      this.transport
        .send(request)
        .then(resolve, reject)
        .finally(() => clearTimeout(timer));
    });
  }
}

function armRequestTimer(request, requestTimeoutMs = 0) { // expect: no-unbounded-timeout
  if (requestTimeoutMs <= 0) return;
  setTimeout(() => request.destroy(new Error("request timed out")), requestTimeoutMs);
}

class Rpc {
  call(method) {
    const replyTimeoutMs = this.options.replyTimeoutMs || 0; // expect: no-unbounded-timeout
    return new Promise((resolve, reject) => {
      this.once(method, resolve);
      this.socket.write(method);
      if (!replyTimeoutMs) return Promise.resolve();
      setTimeout(() => reject(new Error("rpc timed out")), replyTimeoutMs);
    });
  }

  notify(method) {
    const ackTimeoutMs = this.options.ackTimeoutMs || 0; // expect: no-unbounded-timeout
    return new Promise((resolve, reject) => {
      this.once(method, resolve);
      this.socket.write(method, () => {
        if (ackTimeoutMs <= 0) return Promise.resolve();
        setTimeout(() => reject(new Error("rpc timed out")), ackTimeoutMs);
      });
    });
  }
}

module.exports = { WaiterManager, Sender, armRequestTimer, Rpc };
