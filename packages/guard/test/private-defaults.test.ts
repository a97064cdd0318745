import { describe, expect, it } from "vitest";
import { packageFindings } from "./helpers.ts";

// A private callable's default that every call in its module overrides bounds nothing: freebox-api (fresh107) defaults
// `timeout=10` on its public constructor and again on each private helper it hands `self.timeout` to. The public
// default stays reported; a private default some call leaves in use, or whose name escapes its module, stays too.

const client = (helperCalls: string[]) =>
  [
    "import aiohttp",
    "class Freepybox:",
    "    def __init__(self, timeout=10):",
    "        self.timeout = timeout",
    "        self._session = aiohttp.ClientSession()",
    "    async def open(self, url):",
    ...helperCalls,
    "    async def _get_app_token(self, url, app_desc, timeout=10):",
    "        r = await self._session.post(url, data=app_desc, timeout=timeout)",
    "        return await r.json()",
  ].join("\n");

describe("defaults of private callables", () => {
  it("releases a private method's default that every call overrides, keeps the public one it is handed", async () => {
    const source = client([
      "        token = await self._get_app_token(url, {}, self.timeout)",
      "        again = await self._get_app_token(url, {}, timeout=self.timeout)",
      "        return token, again",
    ]);
    expect(await packageFindings({ "freebox_api/aiofreepybox.py": source })).toEqual([
      "freebox_api/aiofreepybox.py:3: no-hardcoded-timeout",
    ]);
  });

  it("keeps a private method's default that one call leaves in use", async () => {
    const source = client([
      "        token = await self._get_app_token(url, {}, self.timeout)",
      "        return await self._get_app_token(url, {})",
    ]);
    expect(await packageFindings({ "freebox_api/aiofreepybox.py": source })).toEqual([
      "freebox_api/aiofreepybox.py:3: no-hardcoded-timeout",
      "freebox_api/aiofreepybox.py:9: no-hardcoded-timeout",
    ]);
  });

  it("keeps a private method's default when another module names it (it may call it as it likes)", async () => {
    const source = client(["        return await self._get_app_token(url, {}, self.timeout)"]);
    const other = [
      "from .aiofreepybox import Freepybox",
      "async def token(box, url):",
      "    return await box._get_app_token(url, {}, 30)",
    ].join("\n");
    expect(await packageFindings({ "freebox_api/aiofreepybox.py": source, "freebox_api/tokens.py": other })).toEqual([
      "freebox_api/aiofreepybox.py:3: no-hardcoded-timeout",
      "freebox_api/aiofreepybox.py:8: no-hardcoded-timeout",
    ]);
  });

  it("releases a private module function's default every call overrides, keeps one handed on as a reference", async () => {
    const fetch = [
      "import requests",
      "def _fetch(url, timeout=5):",
      "    return requests.get(url, timeout=timeout)",
      "def _probe(url, timeout=5):",
      "    return requests.head(url, timeout=timeout)",
      "def get(url, pool, timeout):",
      "    pool.submit(_probe, url)",
      "    _probe(url, timeout)",
      "    return _fetch(url, timeout=timeout)",
    ].join("\n");
    expect(await packageFindings({ "client/fetch.py": fetch })).toEqual(["client/fetch.py:4: no-hardcoded-timeout"]);
  });
});
