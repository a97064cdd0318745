// JS `no-hardcoded-timeout`, session 59 (issue 9), from blind set fresh323 (bitcore-wallet-client): a fallback written
// as an interval's period (`timeout || 1000`) whose callback runs a round of a session poll is the period too, a
// schedule, not a deadline. An interval that gives a silent peer up stays a liveness bound.
export class TssKey {
  subscribe(params = {}) {
    const { timeout, iterHandler } = params;
    this.subscriptionId = setInterval(async () => {
      if (this.subscriptionRunning) return;
      this.subscriptionRunning = true;
      try {
        const { body } = await this.request.get(`/v1/tss/keygen/${this.id}`);
        if (body.messages?.length === this.n - 1) this.emit("roundready");
        if (iterHandler) iterHandler();
      } catch (err) {
        this.emit("error", err);
      } finally {
        this.subscriptionRunning = false;
      }
    }, timeout || 1000);
    return this.subscriptionId;
  }

  watch(peer, options = {}) {
    return setInterval(() => {
      if (!peer.alive) return peer.terminate();
      peer.alive = false;
      peer.ping();
    }, options.livenessTimeout || 30000); // expect: no-hardcoded-timeout
  }
}
