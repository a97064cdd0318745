// JS `no-hardcoded-timeout`, session 65 (issue 9), a control for `retry-pauses65.js`: @agentv/core's esbuild bundle
// (fresh422) declares `var WORKSPACE_GIT_TIMEOUT_MS;` at the top, assigns it inside a lazy `init_*` function and reads
// it in another function as an `execFile` option. The assignment is no local of `init_*`: the read is this binding's,
// so the constant stays a timeout, whatever sleeps elsewhere in the file are given a `timeout`.
var GIT_TIMEOUT_MS;
exports.init_workspace = __esm(() => {
  GIT_TIMEOUT_MS = 3e5; // expect: no-hardcoded-timeout
});
exports.resetWorkspace = async function (path) {
  const opts = { cwd: path, timeout: GIT_TIMEOUT_MS };
  await execFileAsync("git", ["reset", "--hard"], opts);
};
exports.waitForLock = async function (timeout) {
  await sleep(timeout);
  return fetchLock({ timeout });
};
