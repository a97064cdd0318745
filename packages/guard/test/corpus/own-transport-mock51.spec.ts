// JS `no-hardcoded-timeout`, session 51 (issue 9), from blind set fresh205 (@gladiaio/sdk): a test file that mocks the
// package's own transport module whole (`vi.mock("./iso-fetch.js", ...)`, a module named for fetch, http, ws or
// socket) hands the client under test a double: its timeouts bound no wait. A test that expects the failure keeps
// its timeout reported, as with a mocked HTTP library; so does a file that mocks another of its modules.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { HttpClient } from "./httpClient.js";

vi.mock("./iso-fetch.js", () => ({ initFetch: vi.fn() }));

describe("HttpClient", () => {
  let mockFetch: ReturnType<typeof vi.fn>;

  beforeEach(async () => {
    const { initFetch } = await import("./iso-fetch.js");
    mockFetch = vi.fn();
    (initFetch as ReturnType<typeof vi.fn>).mockResolvedValue(mockFetch);
  });

  it("sends the request", async () => {
    mockFetch.mockResolvedValue(new Response("ok", { status: 200 }));
    const client = new HttpClient({ baseUrl: "https://example.com", timeout: 2_000 });
    const res = await client.get("https://example.com/test");
    expect(res.ok).toBe(true);
  });

  it("gives up after the timeout", async () => {
    mockFetch.mockImplementation(() => new Promise(() => {}));
    const client = new HttpClient({ baseUrl: "https://example.com", timeout: 50 }); // expect: no-hardcoded-timeout
    await expect(client.get("https://example.com/slow")).rejects.toThrow("timed out");
  });
});
