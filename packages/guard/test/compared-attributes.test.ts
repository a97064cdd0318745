import { describe, expect, it } from "vitest";
import { checkSource, defaultGuardConfig, packageFacts } from "../src/index.ts";

// A class attribute named like a timeout that the whole package reads only to compare (README "Restated for
// comparison"; pyvisa's resource tests, session 22): `MINIMAL_TIMEOUT = 1` in a test class, read by its mixin in
// another module as `== self.MINIMAL_TIMEOUT`, is what the resource is expected to answer; nothing waits with it.
const config = defaultGuardConfig(process.cwd());

const mixin = (read: string) =>
  [
    "import time",
    "",
    "class ResourceCase:",
    "    def test_timeout(self):",
    "        self.instr.timeout = None",
    "        assert (",
    "            self.instr.get_visa_attribute('timeout_value')",
    "            == self.MINIMAL_TIMEOUT",
    "        )",
    "        assert self.MINIMAL_TIMEOUT != self.instr.timeout",
    `        ${read}`,
    "",
  ].join("\n");

const cases = [
  "from .utils import ResourceCase",
  "",
  "def require_instr(cls):",
  "    return cls",
  "",
  "@require_instr",
  "class TestTcpip(ResourceCase):",
  "    MINIMAL_TIMEOUT = 1",
  "",
].join("\n");

async function findings(files: Record<string, string>): Promise<string[]> {
  const entries = Object.entries(files);
  const known = await packageFacts(entries, config);
  const out: string[] = [];
  for (const [path, text] of entries)
    out.push(...(await checkSource(path, text, config, known)).messages.map((m) => `${path}:${m.line}: ${m.ruleId}`));
  return out.sort();
}

describe("a class attribute the package reads only to compare", () => {
  it("is what a test expects back, not a bound", async () => {
    expect(await findings({ "t/utils.py": mixin("pass"), "t/test_tcpip.py": cases })).toEqual([]);
  });

  it("stays a bound on a class with a base from elsewhere, which may read it unseen", async () => {
    const handler = [
      "import socketserver",
      "",
      "class Handler(socketserver.StreamRequestHandler):",
      "    CONNECT_TIMEOUT = 5",
      "",
      "    def check(self, got):",
      "        assert got == self.CONNECT_TIMEOUT",
      "",
    ].join("\n");
    expect(await findings({ "t/handler.py": handler })).toEqual(["t/handler.py:4: no-hardcoded-timeout"]);
  });

  it("stays a bound where one read waits with it or orders elapsed time by it", async () => {
    for (const read of [
      "self.instr.read(timeout=self.MINIMAL_TIMEOUT)",
      "assert time.monotonic() - self.start > self.MINIMAL_TIMEOUT",
    ])
      expect(await findings({ "t/utils.py": mixin(read), "t/test_tcpip.py": cases })).toEqual([
        "t/test_tcpip.py:8: no-hardcoded-timeout",
      ]);
  });
});
