// JS `no-hardcoded-timeout`, session 53 (issue 9), from blind set fresh243 (@relaycast/sdk): a timer whose callback
// closes the socket that has not opened in time and schedules a reconnect is the connect deadline (the socket is given
// up); a timer that only reconnects, closing nothing, is the delay before the next try.
export class RelayWs {
  connectTimer = null;
  connectTimeoutMs = 10_000; // expect: no-hardcoded-timeout
  reconnectDelayMs = 2_000;

  async openSocket() {
    const ws = new WebSocket(this.url);
    this.ws = ws;
    this.connectTimer = setTimeout(() => {
      if (this.ws !== ws || this.isOpen || this.closed) return;
      this.ws = null;
      this.emit("error", { type: "error" });
      this.scheduleReconnect();
      try {
        ws.close();
      } catch {
        // noop
      }
    }, this.connectTimeoutMs);
  }

  onClose() {
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.scheduleReconnect();
    }, this.reconnectDelayMs);
  }
}
