// Mocha's options handed on by the key that holds them (issue 9, session 24 JS recall): karma's `client.mocha`
// (n-myft-ui's karma.conf.js) and WebdriverIO's `mochaOpts`. Mocha reads `timeout: 0` as "no test timeout", so a 0
// there switches every test's limit off: no-unbounded-timeout. `expect:` marks each line that must be flagged.
module.exports = function (karma) {
  const config = {
    frameworks: ["mocha"],
    client: {
      mocha: {
        reporter: "html",
        timeout: 0, // expect: no-unbounded-timeout
      },
    },
    browserDisconnectTimeout: 0,
  };
  karma.set(config);
};

exports.config = {
  framework: "mocha",
  mochaOpts: { ui: "bdd", timeout: 0 }, // expect: no-unbounded-timeout
};

