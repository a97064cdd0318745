// JS `no-hardcoded-timeout`, session 63 (issue 9), from session 62's blind set fresh389 (emberplus-connection): a
// field the constructor stores again before anything can read it. Compiled class fields (`this._timeout = 3000`)
// and source ones (`_timeout = 3000`) replaced by the constructor's parameter bound nothing: up to the second store
// only `super()` runs and fields are set from values that do not mention `this`. A field a method or a callback could
// read first, or a second store that keeps the first value, stays reported.
class EmberClient extends EventEmitter {
  constructor(host, port, timeout, resendTimeout) {
    super();
    this.tree = [];
    this._requests = new Map();
    this._timeout = 3000;
    this._resendTimeout = 1000;
    this.host = host;
    this.port = port;
    this._timeout = timeout;
    this._resendTimeout = resendTimeout;
    this._timer = setInterval(() => this._resendTimer(), this._timeout);
  }
}

class SourceClient {
  _timeout = 5000;
  retryTimeout = 2000; // expect: no-hardcoded-timeout

  constructor(options) {
    this.url = options.url;
    this._timeout = options.timeout;
    this.retryTimeout = options.retryTimeout ?? this.retryTimeout;
  }
}

class ReadFirst {
  constructor(timeout) {
    this.timeout = 8000; // expect: no-hardcoded-timeout
    this.connect();
    this.timeout = timeout;
  }
}
