// JS `no-hardcoded-timeout`, session 64 (issue 9), from blind sets fresh409 (changes-stream) and fresh410
// (@nimiq/rpc): a timer whose callback is, or calls, the handler of a timeout (`onClientTimeout`, `this.onTimeout`,
// `handleRequestTimeout`) ends the wait it is armed beside when it fires, whatever its delay is called. A timer that calls
// another callback (`onReady`, `onceTimeout`, a helper that arms one) stays as it was judged.
export class RpcServer {
  init(onClientTimeout) {
    window.addEventListener("message", this._receiveListener);
    if (onClientTimeout) {
      this._clientTimeout = window.setTimeout(() => {
        onClientTimeout();
      }, 1000); // expect: no-hardcoded-timeout
    }
  }

  _receive() {
    window.clearTimeout(this._clientTimeout);
  }
}

export class ChangesStream {
  request() {
    this._timer = setTimeout(this.onTimeout.bind(this), 35000); // expect: no-hardcoded-timeout
  }

  onTimeout() {
    this.request();
  }
}

export function watch(handleRequestTimeout) {
  return setTimeout(handleRequestTimeout, 2000); // expect: no-hardcoded-timeout
}

export function ready(onReady) {
  setTimeout(() => onReady(), 100);
}

// A timer wheel's tick is named `onTimeout` too (undici): a bare `onTimeout` handed by reference is left as it was.
function onTimeout() {
  tick();
}
const TICK_MS = 499;
setTimeout(onTimeout, TICK_MS);
