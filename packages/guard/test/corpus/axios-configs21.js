// JS `no-unbounded-timeout`, session 21 (issue 9): an axios request config handed to the package's own request
// method, which spreads it into the axios instance's call through steps the checker does not follow (stream-chat's
// and getstream's uploads). Keys only axios reads (`maxContentLength`, `maxBodyLength`) say whose config it is, and
// axios makes no timer for its `timeout` 0: the upload waits for the server with no limit. Keys other clients share
// (`onUploadProgress`) say nothing, and only axios' own `timeout` key is its timeout.
const axios = require("axios");

class Client {
  constructor(options) {
    this.instance = axios.create(options);
  }

  async doAxiosRequest(method, url, data, options = {}) {
    const config = this.enrich(options);
    return this.instance.request({ method, url, data, ...config });
  }

  enrich({ config = {}, headers = {} }) {
    return { headers, ...config };
  }

  sendFile(url, data, extra) {
    return this.doAxiosRequest("post", url, data, {
      config: {
        timeout: 0, // expect: no-unbounded-timeout
        maxContentLength: Infinity,
        maxBodyLength: Infinity,
        ...extra,
      },
    });
  }

  sendProgress(url, data, onUploadProgress) {
    // A progress callback is no axios-only key (ky reads one too): whose 0 this is stays the receiver's business.
    return this.doAxiosRequest("post", url, data, { config: { timeout: 0, onUploadProgress } });
  }

  sendLarge(url, data) {
    // Not axios' timeout key: the package's own setting, which nothing here shows reaching a wait.
    return this.doAxiosRequest("post", url, data, { config: { uploadTimeout: 0, maxBodyLength: Infinity } });
  }
}

module.exports = { Client };
