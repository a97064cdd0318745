// JS `no-hardcoded-timeout`, session 22 (issue 9): a timeout's fallback written around optional chaining. A
// conditional that tests `options?.timeout` and reads `options.timeout` when it is set tests and reads the same
// option, so its other arm is the default bound (as with `options.timeout` both times); a duration read back in
// milliseconds (`waitOptions?.timeout?.milliseconds ?? 5000`) falls back for the timeout it reads. A conditional
// that reads another value when set, or whose unset arm is no number, is no fallback of the timeout.
class Transport {
  constructor(options) {
    this.dispatcher = new Dispatcher(this.socket, options?.timeout === undefined ? 10_000 : options.timeout); // expect: no-hardcoded-timeout
    this.other = new Dispatcher(this.socket, options?.timeout === undefined ? 10_000 : options.retries);
    this.unset = options?.timeout === undefined ? undefined : options.timeout;
  }
}

async function waitForElement(browser, waitOptions) {
  await browser.wait(async () => true, waitOptions?.timeout?.milliseconds ?? 5000, waitOptions?.timeoutMsg); // expect: no-hardcoded-timeout
  await browser.wait(async () => true, waitOptions?.interval?.milliseconds ?? 500);
}

module.exports = { Transport, waitForElement };
