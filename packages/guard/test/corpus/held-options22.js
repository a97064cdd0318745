// JS `no-unbounded-timeout`, session 22 (issue 9): a client's own `this.timeout = settings.timeout || 0`, handed under
// the `timeout` key of an options object held in a local and passed whole to axios (`axios.request(options)`), whose
// 0 arms no timer (@binance/connector-typescript's bundled requests). Held and passed to a receiver nobody here knows,
// the 0 is that receiver's business and stays unreported. The evidence is by name, so it is asked only for a setting
// the code keeps, not for a parameter's default (a polling function's own `timeout = 0` may share the word).
const import_axios = __toESM(require("axios"));
const transport = require("./transport");

async function httpRequest(config) {
  const { baseURL, url, timeout } = config;
  const options = { baseURL, url, timeout };
  const { data } = await import_axios.default.request(options);
  return data;
}

async function send(config) {
  const { url, sendTimeout } = config;
  const request = { url, sendTimeout };
  return transport.send(request);
}

const Spot = mixinBase(
  class {
    constructor(apiKey, settings = {}) {
      this.apiKey = apiKey;
      this.timeout = settings.timeout || 0; // expect: no-unbounded-timeout
      this.sendTimeout = settings.sendTimeout || 0;
    }

    async makeRequest(url) {
      return await httpRequest({ url, apiKey: this.apiKey, timeout: this.timeout });
    }

    async sendRequest(url) {
      return await send({ url, sendTimeout: this.sendTimeout });
    }
  },
);

module.exports = { Spot };
