// Karma's config file: the exported function's parameter takes the settings (`config.set`). Karma arms its
// no-activity timer only when `browserNoActivityTimeout` is non-zero; a 0 for `browserDisconnectTimeout` waits 0 ms.
module.exports = function (config) {
  const settings = {
    browsers: ["ChromeHeadless"],
    browserDisconnectTimeout: 0, // gives up on a disconnected browser at once: no wait to bound
    browserNoActivityTimeout: 0, // expect: no-unbounded-timeout
    singleRun: true,
  };
  config.set(settings);
};
