import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// A client class that IS a requests or httpx session (session 36, issue 9; podman's `class APIClient(requests.Session)`)
// makes its requests as `self.request(...)`: a `timeout=None` its constructor keeps and hands there is the client's own
// "no limit". A method's own `timeout=None` parameter passed on stays the caller's choice.

const client = (base: string, header: string) =>
  [
    header,
    "",
    `class APIClient(${base}):`,
    "    def __init__(self, base_url, timeout=None):",
    "        super().__init__()",
    "        self.base_url = base_url",
    "        self.timeout = timeout",
    "",
    "    def get(self, path, timeout=None):",
    "        timeout = timeout or self.timeout",
    '        return self.request("GET", self.base_url + path, timeout=timeout)',
  ].join("\n");

describe("a session subclass's kept timeout", () => {
  it("reports the constructor's None kept for self.request on a requests or httpx session", async () => {
    expect(await findingLines("client.py", client("requests.Session", "import requests"))).toEqual([
      "4: no-unbounded-timeout",
    ]);
    expect(await findingLines("client.py", client("Client", "from httpx import Client"))).toEqual([
      "4: no-unbounded-timeout",
    ]);
  });

  it("leaves a class whose self.request is its own method, not a session's", async () => {
    expect(await findingLines("client.py", client("object", "import requests"))).toEqual([]);
  });
});
