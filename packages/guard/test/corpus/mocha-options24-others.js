// Not mocha's options (issue 9, session 24): a `timeout: 0` under another key beside a `mocha` flag, and one nested
// deeper than mocha's own options object. Its receiver decides what the 0 means, as before: nothing is reported here.
module.exports = function (karma) {
  karma.set({ client: { jasmine: { timeout: 0 } }, mocha: true, retry: { timeout: 0 } });
};

exports.nested = { mocha: { reporter: { options: { timeout: 0 } } } };
