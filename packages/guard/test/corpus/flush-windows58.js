// JS `no-hardcoded-timeout`, session 58 (issue 9): `flushTimeout` as a batching window, the delay before a queue is
// sent (`setTimeout(() => this.flush(), this.flushTimeout)`): nothing waits on it, unlike the bound of Sentry's
// `flush(timeout)` (`flush-bounds58.js`).
export class Queue {
  constructor() {
    this.items = [];
    this.flushTimeout = 500;
  }
  push(item) {
    this.items.push(item);
    setTimeout(() => this.flush(), this.flushTimeout);
  }
  flush() {
    this.items = [];
  }
}
