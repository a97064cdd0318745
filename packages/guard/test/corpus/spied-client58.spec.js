// JS `no-hardcoded-timeout`, session 58 (issue 9), from blind set fresh296 (@hubspot/ui-extensions-dev-server): a
// test that stubs a request method of an HTTP client it imports (`vi.spyOn(axios, "request")`, then
// `axios.request.mockImplementationOnce(...)`) answers the code under test's request itself: the timeouts it hands
// that code bound no wait, whether written in the object or kept in a `const` of the test read only there and in
// the assertion. A spied method with no replaced behaviour calls the real client (`spied-client-through58.spec.js`).
import axios from "axios";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { AppProxyService } from "../proxy/AppProxyService.js";

const callAppProxy = async ({ requestUri, requestTimeoutMillis }) => {
  const handler = AppProxyService({ allowedUrls: [] });
  return handler({ body: { requestUri, requestTimeoutMillis } });
};

describe("AppProxyService", () => {
  beforeEach(() => {
    vi.spyOn(axios, "request");
  });

  it("calls the endpoint with the caller's timeout", async () => {
    const requestUri = "http://localhost:1234";
    const requestTimeoutMillis = 1000;
    axios.request.mockImplementationOnce(() => Promise.resolve({ data: {}, status: 200 }));
    await callAppProxy({ requestUri, requestTimeoutMillis });
    expect(axios.request).toBeCalledWith({ url: requestUri, timeout: requestTimeoutMillis });
  });

  it("maps a failed request", async () => {
    axios.request.mockImplementationOnce(() => Promise.reject(new Error("boom")));
    await callAppProxy({ requestUri: "http://localhost:1234", requestTimeoutMillis: 2000 });
  });

  it("waits for a slow page", async () => {
    const timeout = 30000; // expect: no-hardcoded-timeout
    await waitForPage({ timeout });
  }, 60000); // expect: no-hardcoded-timeout
});
