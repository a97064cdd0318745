// Session 25 (guard-lifetime25): a test that hands a unit its timeout and only inspects what the unit built, with
// should.js (`agent.connectOpts.should.have.property("timeout", 3210)`): nothing waits. The agent handed to a request
// and the client whose request the test awaits stay reported.
const should = require("should"); // eslint-disable-line no-unused-vars
const got = require("got");
const utils = require("../lib/utils.js");

describe("getWSProxyAgent", function () {
  it("should set http proxy options", function () {
    process.env.http_proxy = "http://proxy:8080";
    const agent = utils.getWSProxyAgent("ws://test.com", { timeout: 3210 });
    agent.connectOpts.should.have.property("timeout", 3210);
  });

  it("should use all_proxy", function () {
    process.env.all_proxy = "https://all_proxy:7777";
    const agent = utils.getWSProxyAgent("ws://test.com", { timeout: 4444 });
    agent.proxy.should.have.property("hostname", "all_proxy");
  });

  it("reaches the server through the proxy", async function () {
    process.env.http_proxy = "http://proxy:8080";
    const agent = utils.getHTTPProxyAgent("http://127.0.0.1:3000", { timeout: 2345 }); // expect: no-hardcoded-timeout
    const response = await got("http://127.0.0.1:3000", { agent });
    response.should.have.property("statusCode", 200);
  });

  it("fetches through the client", async function () {
    process.env.http_proxy = "http://proxy:8080";
    const client = utils.makeClient("http://127.0.0.1:3000", { timeout: 2500 }); // expect: no-hardcoded-timeout
    client.fetch().should.be.fulfilled();
  });
});
