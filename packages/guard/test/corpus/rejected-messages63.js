// JS `no-hardcoded-timeout`, session 63 (issue 9), from blind set fresh390 (@testdino/playwright): a helper whose
// timer rejects with an error built from a message it is handed (`timeoutPromise(ms, message)`: `reject(new
// Error(message))`), called with a message that says it timed out, is a deadline the call races against an
// operation. Called only with other messages, its timer is a delayed failure, judged as before.
class Reporter {
  async onInterrupt(event) {
    await Promise.race([this.initPromise, this.timeoutPromise(2e3, "Init timeout")]).catch(() => {}); // expect: no-hardcoded-timeout
    await Promise.race([this.buffer.flush(), this.timeoutPromise(1e3, "Buffer flush timeout")]); // expect: no-hardcoded-timeout
    await this.failLater(500, "Interrupted by the user");
  }

  timeoutPromise(ms, message) {
    return new Promise((_, reject) => {
      const timer = setTimeout(() => reject(new Error(message)), ms);
      timer.unref?.();
    });
  }

  failLater(ms, message) {
    return new Promise((_, reject) => setTimeout(() => reject(new Error(message)), ms));
  }
}

module.exports = { Reporter };
