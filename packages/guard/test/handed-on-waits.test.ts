import { describe, expect, it } from "vitest";
import { packageFindings } from "./helpers.ts";

// Session 41 (issue 9): a kept or explicit None that reaches its wait through the package's own functions and methods.
// fresh115's fritzconnection keeps `DeviceManager(timeout=None)` and hands it to `get_xml_root`, whose helper
// `get_content_from` runs `requests.get(url, timeout=timeout)`; fresh121's slidge calls `self._get_session(m,
// timeout=None)`, which hands `timeout` by place through `self._get_session_from_jid` to `session.wait_for_ready`,
// whose `asyncio.wait_for(..., timeout)` waits with no limit.

const utils = (replaced = "") =>
  [
    "import requests",
    "",
    "def get_content_from(url, timeout=None):",
    ...(replaced ? [replaced] : []),
    "    return requests.get(url, timeout=timeout).text",
    "",
    "def get_xml_root(source, timeout=None):",
    "    return get_content_from(source, timeout=timeout)",
  ].join("\n");

const devices = [
  "from .utils import get_xml_root",
  "",
  "class DeviceManager:",
  "    def __init__(self, timeout=None):",
  "        self.timeout = timeout",
  "",
  "    def add_description(self, source):",
  "        return get_xml_root(source, timeout=self.timeout)",
].join("\n");

describe("an object's None handed on through the package's own functions", () => {
  it("is unbounded when a function of another module hands it to one of its own that waits", async () => {
    expect(await packageFindings({ "fc/utils.py": utils(), "fc/devices.py": devices })).toEqual([
      "fc/devices.py:4: no-unbounded-timeout",
    ]);
  });

  it("is not reported when the last function replaces a None before the request", async () => {
    const replaced = utils("    timeout = 10 if timeout is None else timeout");
    expect(await packageFindings({ "fc/utils.py": replaced, "fc/devices.py": devices })).toEqual([
      "fc/utils.py:4: no-hardcoded-timeout",
    ]);
  });
});

const session = (wait: string) =>
  [
    "import asyncio",
    "",
    "class BaseSession:",
    "    async def wait_for_ready(self, timeout=10):",
    `        await ${wait}`,
  ].join("\n");

const util = [
  "class DispatcherMixin:",
  "    async def _get_session(self, stanza, timeout=10, logged=False):",
  "        return await self._get_session_from_jid(",
  "            stanza.get_from(), timeout, logged",
  "        )",
  "",
  "    async def _get_session_from_jid(self, jid, timeout=10, logged=False):",
  "        session = self.xmpp.get_session_from_jid(jid)",
  "        await session.wait_for_ready(timeout)",
  "        return session",
].join("\n");

const dispatcher = [
  "from .util import DispatcherMixin",
  "",
  "class SessionDispatcher(DispatcherMixin):",
  "    async def on_avatar(self, m):",
  "        session = await self._get_session(m, timeout=None)",
  "        return session",
].join("\n");

const command = [
  "class Command:",
  "    def _get_session(self, jid):",
  "        return self.xmpp.get_session(jid)",
].join("\n");

describe("an explicit None handed by place through methods of other modules", () => {
  it("is unbounded when each method hands it on to one that waits (a method of that name without it is not run)", async () => {
    const found = await packageFindings({
      "sl/session.py": session("asyncio.wait_for(asyncio.shield(self.ready), timeout)"),
      "sl/util.py": util,
      "sl/dispatcher.py": dispatcher,
      "sl/command.py": command,
    });
    expect(found).toContain("sl/dispatcher.py:5: no-unbounded-timeout");
  });

  it("is not reported when the last method does not wait with its parameter", async () => {
    const found = await packageFindings({
      "sl/session.py": session("asyncio.sleep(timeout)"),
      "sl/util.py": util,
      "sl/dispatcher.py": dispatcher,
    });
    expect(found).not.toContain("sl/dispatcher.py:5: no-unbounded-timeout");
  });
});
