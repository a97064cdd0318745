// JS `no-hardcoded-timeout`, session 54 (issue 9): mocha's test timeout chained on a test the file keeps in a local
// (`let test = it("invalid domain", fn); test.timeout(10000)`) or on what its own wrapper of `it` returns
// (phantomjscloud's `function it2(fn) { return it(name, ...) }`, then `it2(fn).timeout(15000)`, fresh262). A local
// or a function that holds something else keeps its `timeout()` unjudged here.
import { describe, it } from "mocha";

function it2(testFcn: () => Promise<unknown>) {
  return it(testFcn.name, async function () {
    return testFcn.apply(this);
  });
}

const it3 = (title: string, fn: () => Promise<unknown>) => it(title, fn);

function buildPoller() {
  return { timeout: (ms: number) => ms };
}

describe("network failures", () => {
  const test = it("invalid domain", async () => {});
  test.timeout(10000); // expect: no-hardcoded-timeout

  it2(async function loads() {}).timeout(15000); // expect: no-hardcoded-timeout
  it3("renders", async () => {}).timeout(6000); // expect: no-hardcoded-timeout

  const poller = buildPoller();
  poller.timeout(5);
});
