import { describe, expect, it } from "vitest";
import { packageFindings } from "./helpers.ts";

// A library module the package re-exports under its own module (session 27, guard-py27b): csb's `csb/io/__init__.py`
// has `import urllib.request as urllib`, and `csb.io.urllib.urlopen(url)` elsewhere is urllib's `urlopen` without a
// timeout. A name the package's module defines itself stays its own.

describe("a library module re-exported under the package's own module", () => {
  it("reads csb.io.urllib.urlopen as urllib.request.urlopen", async () => {
    const io = [
      "try:",
      "    import urllib.request as urllib",
      "except ImportError:",
      "    import urllib2 as urllib",
      "def fetch(url):",
      "    return url",
    ].join("\n");
    const dssp = [
      "import csb.io",
      "def get(accession):",
      "    browser = csb.io.urllib.urlopen('http://example.org/' + accession)",
      "    return browser.read()",
      "def local(accession):",
      "    return csb.io.fetch('http://example.org/' + accession)",
      "def bounded(accession):",
      "    return csb.io.urllib.urlopen('http://example.org/' + accession, timeout=config.timeout_s)",
    ].join("\n");
    expect(await packageFindings({ "csb/io/__init__.py": io, "csb/bio/io/dssp.py": dssp })).toEqual([
      "csb/bio/io/dssp.py:3: no-unbounded-timeout",
    ]);
  });

  it("leaves a module of the package that defines the name itself", async () => {
    const net = ["def urlopen(url):", "    return open(url)"].join("\n");
    const io = ["import pkg.net as net", "def f():", "    return 1"].join("\n");
    const user = ["import pkg.io", "def get(u):", "    return pkg.io.net.urlopen(u)"].join("\n");
    expect(await packageFindings({ "pkg/net.py": net, "pkg/io/__init__.py": io, "pkg/user.py": user })).toEqual([]);
  });
});

// Session 38 (issue 9), from blind set fresh102: aiohomekit's `utils.py` binds `asyncio_timeout` to async_timeout's
// (or asyncio's) `timeout`, and its other modules import it by the package's absolute name
// (`from aiohomekit.utils import asyncio_timeout`): each `async with asyncio_timeout(4.0)` is a hardcoded bound.
describe("a library function re-exported by a module the package imports by its absolute name", () => {
  const utils = [
    "import sys",
    "",
    "if sys.version_info[:2] < (3, 11):",
    "    from async_timeout import timeout as asyncio_timeout  # noqa: F401",
    "else:",
    "    from asyncio import timeout as asyncio_timeout  # noqa: F401",
  ].join("\n");
  const connection = (module: string) =>
    [
      `from ${module} import asyncio_timeout`,
      "",
      "async def identify(client, request):",
      "    async with asyncio_timeout(4.0):",
      "        return await client.request(request)",
    ].join("\n");

  it("reads aiohomekit.utils.asyncio_timeout as async_timeout.timeout", async () => {
    const files = { "aiohomekit/utils.py": utils, "aiohomekit/controller/coap.py": connection("aiohomekit.utils") };
    expect(await packageFindings(files)).toEqual(["aiohomekit/controller/coap.py:4: no-hardcoded-timeout"]);
  });

  it("reads it the same through a relative import", async () => {
    const files = { "aiohomekit/utils.py": utils, "aiohomekit/controller/coap.py": connection("..utils") };
    expect(await packageFindings(files)).toEqual(["aiohomekit/controller/coap.py:4: no-hardcoded-timeout"]);
  });
});
