// JS `no-hardcoded-timeout`, session 58 (issue 9): a spy on an HTTP client's request method that replaces nothing
// (`vi.spyOn(axios, "request")` alone) calls the real client: the timeouts the test hands the code under test bound
// a real request and stay reported (`spied-client58.spec.js` is the stubbed twin).
import axios from "axios";
import { describe, expect, it, vi } from "vitest";
import { fetchUser } from "../client.js";

describe("fetchUser", () => {
  it("asks the server once", async () => {
    const spy = vi.spyOn(axios, "request");
    const requestTimeoutMillis = 1000; // expect: no-hardcoded-timeout
    await fetchUser({ url: "http://localhost:1234/user", requestTimeoutMillis });
    expect(spy).toHaveBeenCalledTimes(1);
  });
});
