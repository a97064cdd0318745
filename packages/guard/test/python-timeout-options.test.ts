import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// An option setter handed a timeout's option code (session 40, issue 9): stripe's PycurlClient
// `self._curl.setopt(pycurl.CONNECTTIMEOUT, 30)` and `setopt(pycurl.TIMEOUT, 80)` (fresh111's misses), python-ldap's
// `set_option(ldap.OPT_NETWORK_TIMEOUT, 10)`, pyzmq's `setsockopt(zmq.RCVTIMEO, 1000)`.
describe("timeouts set by option code", () => {
  const source = [
    "import ldap",
    "import pycurl",
    "import zmq",
    "",
    "def fetch(url):",
    "    c = pycurl.Curl()",
    "    c.setopt(pycurl.URL, url)",
    "    c.setopt(pycurl.CONNECTTIMEOUT, 30)",
    "    c.setopt(pycurl.TIMEOUT_MS, 80000)",
    "    c.setopt(pycurl.NOSIGNAL, 1)",
    "    conn = ldap.initialize(url)",
    "    conn.set_option(ldap.OPT_NETWORK_TIMEOUT, 10)",
    "    s = zmq.Context().socket(zmq.REQ)",
    "    s.setsockopt(zmq.RCVTIMEO, 1000)",
    "    s.setsockopt(zmq.LINGER, 0)",
  ].join("\n");

  it("reports the literal handed with a timeout's code", async () => {
    expect(await findingLines("client.py", source)).toEqual([
      "8: no-hardcoded-timeout",
      "9: no-hardcoded-timeout",
      "12: no-hardcoded-timeout",
      "14: no-hardcoded-timeout",
    ]);
  });

  it("reports no other option's value, and no value from config", async () => {
    const other = source
      .split("\n")
      .filter((line) => !/TIMEOUT|TIMEO\b/.test(line))
      .concat(["    c.setopt(pycurl.TIMEOUT, config.timeout_s)"])
      .join("\n");
    expect(await findingLines("client.py", other)).toEqual([]);
  });
});

// urllib's `urlopen(request, timeout=self.timeout)`: None there leaves the socket blocking, so a connection object's
// `timeout=None` default it keeps for that call waits forever (pyactiveresource's `Connection`, fresh115's miss).
describe("a None kept for urlopen's timeout keyword", () => {
  const source = [
    "import urllib.request",
    "",
    "class Connection(object):",
    "    def __init__(self, site, timeout=None):",
    "        self.site = site",
    "        self.timeout = timeout",
    "",
    "    def get(self, path):",
    "        return urllib.request.urlopen(self.site + path, timeout=self.timeout)",
    "",
    "def fetch(url, timeout=None):",
    "    return urllib.request.urlopen(url, timeout=timeout)",
  ].join("\n");

  it("reports the object's default, not the default of a function that is the wait", async () => {
    expect(await findingLines("connection.py", source)).toEqual(["4: no-unbounded-timeout"]);
  });
});

// pySerial's port keeps `timeout` and `write_timeout` for its reads and writes: a subclass whose constructor hands its
// own None defaults to `super().__init__` makes ports that wait forever (aioserial's `AioSerial`, fresh120's misses).
describe("a serial port subclass's None defaults handed to serial.Serial", () => {
  const source = (timeouts: string) =>
    [
      "import serial",
      "",
      "class AioSerial(serial.Serial):",
      `    def __init__(self, port=None, ${timeouts}, inter_byte_timeout=None):`,
      "        super().__init__(port=port, timeout=timeout, write_timeout=write_timeout,",
      "                         inter_byte_timeout=inter_byte_timeout)",
    ].join("\n");

  it("reports the read and write timeouts' None, not the inter-byte one's", async () => {
    expect(await findingLines("aioserial.py", source("timeout=None, write_timeout=None"))).toEqual([
      "4: no-unbounded-timeout",
      "4: no-unbounded-timeout",
    ]);
  });

  it("reports nothing when the defaults bound the waits", async () => {
    expect(
      await findingLines("aioserial.py", source("timeout=config.timeout_s, write_timeout=config.timeout_s")),
    ).toEqual([]);
  });
});
