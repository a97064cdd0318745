// JS `no-hardcoded-timeout`, session 17 (issue 9): a test's `key: <number>` that an expected call of a double repeats
// (aws-xray-sdk-mysql's `stubBaseQuery.should.have.been.calledWith({ sql, timeout: 234 })`, migrate-mongo's
// `expect(mongodb.MongoClient.connect).toHaveBeenCalledWith(url, { connectTimeoutMS: 3600000 })`) is shown by the test
// itself reaching the stub: nothing waits on it. A record that repeats another value and a comparison that reads no
// call record keep their findings.
const sinon = require("sinon");
const { expect, jest } = require("@jest/globals");
const { MongoClient } = require("mongodb");
const http = require("node:http");
const { captureQuery, connect, request, get, Client, parse } = require("../lib");

function config() {
  return { url: "mongodb://db:27017", options: { connectTimeoutMS: 3600000 } };
}

describe("handed to doubles", () => {
  it("passes the query options to the driver's query", async () => {
    const base = sinon.stub().resolves([]);
    await captureQuery(base, { sql: "select 1", timeout: 234, nestTables: true });
    base.should.have.been.calledWith({ sql: "select 1", timeout: 234, nestTables: true }, sinon.match.func);
  });

  it("connects with the configured options", async () => {
    const spy = jest.spyOn(MongoClient, "connect").mockResolvedValue({});
    await connect(config());
    expect(spy).toHaveBeenCalledWith("mongodb://db:27017", expect.objectContaining({ connectTimeoutMS: 3600000 }));
  });

  it("hands the request options to the transport", async () => {
    const send = jest.fn().mockResolvedValue({ status: 200 });
    await request(send, "/x", { requestTimeout: 1500 });
    expect(send.mock.calls[0][1]).toEqual({ requestTimeout: 1500 });
  });
});

describe("not shown reaching a double", () => {
  it("replaces the caller's timeout with its own", async () => {
    const send = jest.fn().mockResolvedValue({ status: 200 });
    await request(send, "/x", { requestTimeout: 2500 }); // expect: no-hardcoded-timeout
    expect(send).toHaveBeenCalledWith("/x", { requestTimeout: 2000 });
  });

  it("keeps the timeout it is given", async () => {
    const client = await connect({ url: "mongodb://db:27017", options: { socketTimeoutMS: 4000 } }); // expect: no-hardcoded-timeout
    expect(client.options).toEqual({ socketTimeoutMS: 4000 });
  });
});

// Review 17 item 1: the pair alone is not evidence. A spy that calls through (`jest.spyOn` with no mock of its own)
// hands the value to the real `http.request`; another test's expected call of a stub says nothing of this test's
// client; `.args` of a parser's result is no call record.
describe("a pair repeated elsewhere", () => {
  it("passes its timeout to http.request against the real server", async () => {
    const spy = jest.spyOn(http, "request");
    await get("http://localhost:8080/slow", { timeout: 5000 }); // expect: no-hardcoded-timeout
    expect(spy).toHaveBeenCalledWith(expect.objectContaining({ timeout: 5000 }));
  });

  it("talks to the real server", async () => {
    const client = new Client({ url: "http://localhost:8080", timeout: 1000 }); // expect: no-hardcoded-timeout
    expect((await client.get("/slow")).status).toBe(200);
  });

  it("hands its options to the transport", () => {
    const transport = { send: jest.fn() };
    new Client({ transport }).post({ retries: 3 });
    expect(transport.send).toHaveBeenCalledWith({ timeout: 1000 });
  });

  it("talks to the real server with the parsed timeout", async () => {
    const client = new Client({ url: "http://localhost:8080", timeout: 3000 }); // expect: no-hardcoded-timeout
    expect((await client.get("/slow")).status).toBe(200);
    expect(parse(["--timeout", "3000"]).args).toEqual({ timeout: 3000 });
  });
});
