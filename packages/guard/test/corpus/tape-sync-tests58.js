// JS `no-hardcoded-timeout`, session 58 (issue 9), from blind set fresh315 (pelias-api's unit tests): a tape test
// whose assertion object is used only for assertions and ended with `t.end()` as the body's last statement ends
// there, as a test that calls `done()` last does: the configuration it builds and reads back through getters
// bounds no wait. A test that starts a request, plans its assertions, or hands a callback on stays judged.
const test = require("tape");
const Interpolation = require("../service/configurations/Interpolation");
const request = require("../request");

test("getTimeout returns the configured timeout", (t) => {
  const configBlob = { url: "http://localhost:1234", timeout: 17, retries: 19 };
  const interpolation = new Interpolation(configBlob);
  t.equals(interpolation.getTimeout(), 17);
  t.equals(interpolation.getRetries(), 19);
  t.end();
});

test("fetches the page within its timeout", (t) => {
  const options = { url: "http://localhost:1234", timeout: 2000 }; // expect: no-hardcoded-timeout
  request(options, (err) => {
    t.error(err);
    t.end();
  });
});

test("plans its assertions", (t) => {
  t.plan(1);
  const client = new Interpolation({ url: "http://localhost:1234", timeout: 3000 }); // expect: no-hardcoded-timeout
  client.search("x", (err) => t.error(err));
});
