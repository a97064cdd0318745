// JS `no-hardcoded-timeout`, session 60 (issue 9), from blind set fresh358 (@morphllm/morphsdk's `.cjs` builds): a
// bundler joining two modules that both declare `DEFAULT_TIMEOUT` renames the second `DEFAULT_TIMEOUT2` (esbuild) or
// `timeout$1` (rollup): the copy is the timeout its name was. A number that is part of the name stays a plain name.
var DEFAULT_TIMEOUT = 6e4; // expect: no-hardcoded-timeout
var DEFAULT_TIMEOUT2 = 6e5; // expect: no-hardcoded-timeout
const timeout$1 = 30000; // expect: no-hardcoded-timeout
const TIMEOUT_408 = 408;

async function apply(config) {
  const timeout = config.timeout ?? DEFAULT_TIMEOUT2;
  return fetch(config.url, { signal: AbortSignal.timeout(timeout) });
}

async function list(config) {
  return fetch(config.url, { signal: AbortSignal.timeout(config.timeout ?? DEFAULT_TIMEOUT) });
}

module.exports = { apply, list, timeout$1, TIMEOUT_408 };
