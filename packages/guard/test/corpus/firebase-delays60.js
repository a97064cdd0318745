// JS `no-hardcoded-timeout`, session 60 (issue 9), from blind set fresh155 (@neurosity/sdk's bundled @firebase/auth):
// `new Delay(30000, 60000)` is a desktop and a mobile duration; the first bounds the wait where the code is written.
class Delay {
  constructor(shortDelay, longDelay) {
    this.shortDelay = shortDelay;
    this.longDelay = longDelay;
    this.isMobile = typeof navigator !== "undefined" && /Mobi/.test(navigator.userAgent);
  }
  get() {
    return this.isMobile ? this.longDelay : this.shortDelay;
  }
}

const DEFAULT_API_TIMEOUT_MS = new Delay(30000, 60000); // expect: no-hardcoded-timeout
const PING_TIMEOUT = new Delay(5000, 15000); // expect: no-hardcoded-timeout

// Another class named for its delay, given one number, is not the pair.
class Backoff {
  constructor(delay) {
    this.delay = delay;
  }
}
const RECONNECT = new Backoff(5000);

export class NetworkTimeout {
  constructor(fail) {
    this.promise = new Promise((_, reject) => {
      this.timer = setTimeout(() => reject(fail()), DEFAULT_API_TIMEOUT_MS.get());
    });
  }
}

export function ping(frame) {
  return Promise.race([
    frame.ping(),
    new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), PING_TIMEOUT.get())),
  ]);
}

export { RECONNECT };
