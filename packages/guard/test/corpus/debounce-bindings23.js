// JS `no-hardcoded-timeout`, session 23 mend (review23 item 5): a local or a parameter handed on under a debounce's
// key is that debounce's quiet period; only that binding is released, not every value of the same name in the file.
// `fetchConfig`'s own `timeout = 30000` goes to the request, and a constant also handed to a request's `timeout`
// stays a deadline.
const chokidar = require("chokidar");
const axios = require("axios");

const SHARED_TIMEOUT = 20000; // expect: no-hardcoded-timeout
const SEARCH_TIMEOUT = 400;

function watchConfig(dir, onChange, timeout = 250) {
  return chokidar.watch(dir, { debounce: timeout }).on("change", onChange);
}

async function fetchConfig(url, timeout = 30000) { // expect: no-hardcoded-timeout
  const { data } = await axios.get(url, { timeout });
  return data;
}

function watchAndPush(dir, url) {
  chokidar.watch(dir, { debounce: SHARED_TIMEOUT }).on("change", (body) => axios.post(url, body, { timeout: SHARED_TIMEOUT }));
}

function searchBox($el) {
  $el.select2({ ajax: { url: "/search", quietMillis: SEARCH_TIMEOUT } });
}

module.exports = { watchConfig, fetchConfig, watchAndPush, searchBox };
