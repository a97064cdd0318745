// JS `no-hardcoded-timeout`, session 51 (issue 9): a test file that mocks another of the package's modules (a logger),
// not its transport, hands the client under test a real one: its timeout is reported.
import { expect, it, vi } from "vitest";
import { HttpClient } from "./httpClient.js";

vi.mock("./logger.js", () => ({ log: vi.fn() }));

it("sends the request", async () => {
  const client = new HttpClient({ baseUrl: "http://localhost:3000", timeout: 2_000 }); // expect: no-hardcoded-timeout
  const res = await client.get("http://localhost:3000/test");
  expect(res.ok).toBe(true);
});
