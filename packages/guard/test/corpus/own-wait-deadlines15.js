// JS `no-unbounded-timeout`, session 15 (issue 9): a wait's own "no limit" default is its caller's choice (eval
// README, labelling rules) also when the function bounds its wait with a deadline built from the value
// (`const deadline = timeout > 0 ? Date.now() + timeout : 0`: hypercore's waitForRecovery, arangojs'
// waitForPropagation) or hands back the promise it made under a name (`return this.gatheringPromise`: sip.js'
// waitForIceGatheringComplete), also when the default is written as a statement (`if (timeout == null) timeout = 0`:
// bthreads' call). A function that returns nothing to wait on keeps reporting: its 0 is a setting.
class Session {
  async waitForRecovery(peers, { timeout = 0, settle = 100 } = {}) {
    const deadline = timeout > 0 ? Date.now() + timeout : 0;
    while (peers.recovering()) {
      if (deadline !== 0 && Date.now() >= deadline) throw new Error("recovery timed out");
      await peers.settled(settle);
    }
  }

  async waitForPropagation(request, timeout = Infinity) {
    const started = Date.now();
    const endOfTime = started + timeout;
    while (!(await this.propagated(request))) {
      if (endOfTime < Date.now()) throw new Error("propagation timed out");
    }
  }

  waitForGathering(restart = false, timeout = 0) {
    if (!restart && this.state === "complete") return Promise.resolve();
    this.gatheringPromise = new Promise((resolve, reject) => {
      this.resolveGathering = resolve;
      if (timeout > 0) this.gatheringTimer = setTimeout(() => reject(new Error("gathering timed out")), timeout);
    });
    return this.gatheringPromise;
  }

  // bthreads: the default written as a statement, `if (timeout == null) timeout = 0`, then handed to the job's timer.
  async call(name, args, timeout) {
    if (timeout == null) timeout = 0;
    return new Promise((resolve, reject) => {
      const job = { name, args, resolve, reject };
      this.start(job, timeout);
    });
  }

  start(job, timeout) {
    if (timeout > 0) job.timer = setTimeout(() => job.reject(new Error("call timed out")), timeout);
  }

  configure(timeout) {
    if (timeout === undefined) timeout = 0; // expect: no-unbounded-timeout
    this.callTimeout = timeout;
    if (this.callTimeout > 0) this.timer = setTimeout(() => this.close(), this.callTimeout);
  }

  arm(timeout = 0) { // expect: no-unbounded-timeout
    this.deadline = timeout > 0 ? Date.now() + timeout : 0;
    if (timeout > 0) this.timer = setTimeout(() => this.close(), timeout);
  }
}

module.exports = { Session };
