// JS `no-hardcoded-timeout`, session 17 (issue 9): a module's or a suite's options object read only inside tests that
// end without waiting and keep what they build to themselves (@pnpm/network.proxy-agent's spec: `const OPTS = { ...,
// timeout: 5 }` spread into each test's options, `getProxyAgent(url, opts)`, then `expect(agent.connectOpts)...`)
// bounds no wait: nothing waits in those tests. An object also read by a test that waits, or outside any test, stays
// reported.
declare function test(name: string, fn: () => void | Promise<void>): void;
declare function describe(name: string, fn: () => void): void;
declare const expect: (value: unknown) => { toEqual(v: unknown): void };
declare function getProxyAgent(url: string, opts: object): { connectOpts: object };
declare function fetchThrough(url: string, opts: object): Promise<string>;

const OPTS = {
  ca: "ca",
  strictSsl: true,
  timeout: 5,
};

test("passes the options down to the proxy agent", () => {
  const opts = { httpsProxy: "https://my.proxy:1234/", ...OPTS };
  const agent = getProxyAgent("https://foo.com/bar", opts);
  expect(agent.connectOpts).toEqual({ ca: "ca", rejectUnauthorized: true, timeout: 6 });
});

describe("a suite's options", () => {
  const SHARED = { timeout: 4000 }; // expect: no-hardcoded-timeout

  test("builds an agent", () => {
    const agent = getProxyAgent("https://foo.com/", SHARED);
    expect(agent.connectOpts).toEqual({ timeout: 4001 });
  });

  test("fetches through the proxy", async () => {
    expect(await fetchThrough("https://foo.com/", SHARED)).toEqual("ok");
  });
});

const DEFAULTS = { timeout: 3000 }; // expect: no-hardcoded-timeout
export const agent = getProxyAgent("https://foo.com/", DEFAULTS);

test("reads the module's agent", () => {
  expect(getProxyAgent("https://foo.com/", DEFAULTS).connectOpts).toEqual({ timeout: 3001 });
});
