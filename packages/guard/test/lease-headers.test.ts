import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// A lease asked for in a `TIMEOUT: Second-N` header (session 32, guard-py32): UPnP's GENA SUBSCRIBE and WebDAV's LOCK
// tell the device or server how long to keep the subscription or lock; nothing waits that long (async-upnp-client's
// `async_subscribe(service, timeout=timedelta(seconds=1800))`, fresh69). A value formatted after `Second-`, returned as
// the lease granted, or handed to a method that sends it so is no wait's bound; one that also bounds a request, and a
// grpc-timeout header (`"5S"`, which does bound the call), stay reported.

const HANDLER = [
  "import logging",
  "from datetime import timedelta",
  "_LOGGER = logging.getLogger(__name__)",
  "",
  "class EventHandler:",
  "    async def async_subscribe(self, service, timeout: timedelta = timedelta(seconds=1800)):",
  "        headers = {",
  '            "NT": "upnp:event",',
  '            "TIMEOUT": "Second-" + str(timeout.seconds),',
  "        }",
  "        response = await self._requester.async_http_request(HttpRequest('SUBSCRIBE', service.url, headers))",
  '        if "timeout" in response.headers:',
  '            timeout = timedelta(seconds=int(response.headers["timeout"][7:]))',
  '        _LOGGER.debug("Subscribed, timeout: %s", timeout)',
  "        return response.headers['sid'], timeout",
  "",
  "    async def _async_do_resubscribe(self, service, sid, timeout: timedelta = timedelta(seconds=1800)):",
  '        headers = {"SID": sid, "TIMEOUT": f"Second-{int(timeout.total_seconds())}"}',
  "        response = await self._requester.async_http_request(HttpRequest('SUBSCRIBE', service.url, headers))",
  "        return sid, timeout",
  "",
  "    async def async_resubscribe(self, service, sid, timeout: timedelta = timedelta(seconds=1800)):",
  "        try:",
  "            return await self._async_do_resubscribe(service, sid, timeout)",
  "        except Exception:",
  "            return await self.async_subscribe(service, timeout=timeout)",
];

describe("a lease asked for in a Second-N header", () => {
  it("does not report the subscription's requested lifetime, returned, logged or handed on", async () => {
    expect(await findingLines("upnp/event_handler.py", HANDLER.join("\n"))).toEqual([]);
  });

  it("reports a lease parameter that also bounds a request, and a grpc-timeout header's duration", async () => {
    const source = [
      "import requests",
      "def lock(url, timeout=600):",
      '    headers = {"Timeout": "Second-%d" % timeout}',
      "    return requests.request('LOCK', url, headers=headers, timeout=timeout)",
      "",
      "def call(stub, request, timeout=5):",
      '    return stub.invoke(request, metadata=[("grpc-timeout", f"{timeout}S")])',
    ];
    expect(await findingLines("client.py", source.join("\n"))).toEqual([
      "2: no-hardcoded-timeout",
      "6: no-hardcoded-timeout",
    ]);
  });
});
