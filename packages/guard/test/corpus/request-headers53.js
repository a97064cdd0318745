// JS `no-hardcoded-timeout`, session 53 (issue 9), from blind set fresh248 (@iobroker/js-controller-common-db): a
// `timeout` written inside a request's `headers` is sent as a header line; axios never reads it there. The request's
// own `timeout` option beside the headers is still one, and a request whose only `timeout` is a header has none.
const axios = require("axios");

async function getNpmVersion(url) {
  const response = await axios.get(url, { // expect: no-unbounded-timeout
    headers: { "User-Agent": "iobroker", timeout: 10000 },
  });
  return response.data;
}

async function getRepository(url) {
  const response = await axios.get(url, {
    headers: { "User-Agent": "iobroker" },
    timeout: 10000, // expect: no-hardcoded-timeout
  });
  return response.data;
}

module.exports = { getNpmVersion, getRepository };
