// JS `no-hardcoded-timeout`, session 23 (issue 9): the context a test runner hands each test function the file
// exports to it (pixl-unit, nodeunit): `module.exports = { tests: [function (test) { test.timeout(200); ... }] }`.
// The runner calls the exported function, so its first parameter is the runner's object, and `test.done()` in the
// same function shows it is the test's context; its `timeout(ms)` is the test's own timeout. A `timeout()` on the
// parameter of an exported function that completes through no `done()` (a request builder handed in) is not a
// context, nor the parameter of a function the file keeps to itself.
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function localHelper(test) {
  test.timeout(300);
  test.done();
}

module.exports = {
  tests: [
    function testTimeout(test) {
      test.timeout(200); // expect: no-hardcoded-timeout
      sleep(10).then(() => test.done());
    },
    function testBuilder(req) {
      req.timeout(400);
      return req.end();
    },
  ],
  helper: localHelper,
};

exports.testNodeunit = function (t) {
  t.timeout(500); // expect: no-hardcoded-timeout
  setImmediate(() => t.done());
};
