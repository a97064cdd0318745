// JS `no-hardcoded-timeout`, session 59 (issue 9), from blind set fresh301 (redis-tag-cache): a setting handed on as
// the fallback of a local that is only an entry's expiry (`const timeout = options.timeout ||
// this.options.defaultTimeout; multi.set(key, data, "ex", timeout)`) is how long the entry lives. A fallback into a
// local that a timer bounds a wait with stays reported. (Names are the file's: were the request's local also called
// `timeout`, that name would be a bound here and the cache's default would stay reported too.)
export class TagCache {
  constructor(options = {}) {
    this.options = options;
  }

  async set(multi, key, data, options) {
    const timeout = (options && options.timeout) || this.options.defaultTimeout;
    if (typeof timeout === "number") multi.set(`data:${key}`, JSON.stringify(data), "ex", timeout);
    return multi.exec();
  }
}

export const cache = new TagCache({ defaultTimeout: 86400 });

export class Client {
  constructor(options = {}) {
    this.options = { requestTimeout: 30000, ...options }; // expect: no-hardcoded-timeout
  }

  request(socket, payload) {
    return new Promise((resolve, reject) => {
      const deadlineMs = payload.timeout || this.options.requestTimeout;
      const timer = setTimeout(() => reject(new Error("request timed out")), deadlineMs);
      socket.send(payload, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
    });
  }
}
