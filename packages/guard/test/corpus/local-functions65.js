// JS `no-hardcoded-timeout`, session 65 (issue 9), a control for `retry-pauses65.js`: a function the file keeps in a
// local (`const request = ...`) is its own only when called by that bare name. `http.request({ timeout })` is another
// object's method of the same name: the default it is handed bounds that request, not a pause.
const request = async (opts) => opts;

async function pauseThenCall(
  timeout = 300, // expect: no-hardcoded-timeout
) {
  await new Promise((resolve) => setTimeout(resolve, timeout));
  return http.request({ timeout });
}

module.exports = { request, pauseThenCall };
