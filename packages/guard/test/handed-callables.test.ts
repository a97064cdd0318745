import { describe, expect, it } from "vitest";
import { packageFindings } from "./helpers.ts";

// A library function handed on as a value (session 27, guard-py27b): pbcommand's `__jsonable_request(requests.post,
// headers)` calls `request_method(url, data=..., verify=False)` with no timeout: a request without a timeout. A
// parameter given the file's own function, or a call through it with a timeout, stays silent.

describe("a library function handed on as a value", () => {
  it("reports the call through the parameter when every caller hands a request function", async () => {
    const source = [
      "import json, requests",
      "def __jsonable_request(request_method, headers):",
      "    def wrapper(url, d_):",
      "        return request_method(url, data=json.dumps(d_), headers=headers, verify=False)",
      "    return wrapper",
      "def _post_requests(headers):",
      "    return __jsonable_request(requests.post, headers)",
      "def _put_requests(headers):",
      "    return __jsonable_request(requests.put, headers)",
      "def bounded(send, url):",
      "    return send(url, timeout=config.timeout_s)",
      "def use(url):",
      "    return bounded(requests.get, url)",
    ].join("\n");
    expect(await packageFindings({ "pkg/sal.py": source })).toEqual(["pkg/sal.py:4: no-unbounded-timeout"]);
  });

  it("stays silent when a caller hands the file's own function or a value it did not name", async () => {
    const source = [
      "import requests",
      "def local_post(url, **kw):",
      "    return None",
      "def call(method, url):",
      "    return method(url)",
      "def a(url):",
      "    return call(requests.post, url)",
      "def b(url):",
      "    return call(local_post, url)",
      "def run(method, url):",
      "    return method(url)",
      "def c(url, chosen):",
      "    return run(chosen.get(), url)",
    ].join("\n");
    expect(await packageFindings({ "pkg/sal.py": source })).toEqual([]);
  });
});
