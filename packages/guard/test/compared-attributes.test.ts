import { describe, expect, it } from "vitest";
import { defaultGuardConfig } from "../src/index.ts";
import { findingsOf, packageFindings, tempTree } from "./helpers.ts";

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

const findings = (files: Record<string, string>) => packageFindings(files, config);

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

  it("is released where unittest's or a pytest-style helper checks it equal, or a plain comparison tests it", async () => {
    for (const read of [
      "self.assertEqual(self.instr.timeout, self.MINIMAL_TIMEOUT)",
      "assert_equal(self.MINIMAL_TIMEOUT, self.instr.timeout)",
      "ok = self.instr.timeout == self.MINIMAL_TIMEOUT",
    ])
      expect(await findings({ "t/utils.py": mixin(read), "t/test_tcpip.py": cases })).toEqual([]);
  });

  // The reviewer's probes (mend-pyprec22): a polling counter compared for equality where the loop gives up is the
  // loop's bound (README "Restated for comparison"), in a mixin the test class sets it for or in one class alone.
  const poll = (name: string) =>
    [
      "        waited = 0",
      "        while not self.device.ready():",
      `            if waited == self.${name} or self.device.failed:`,
      '                raise TimeoutError("device not ready")',
      "            time.sleep(1); waited += 1",
      "",
    ].join("\n");

  it("stays a bound where a polling loop gives up when a counter equals it", async () => {
    const utils = ["import time", "", "class ReadyCase:", "    def wait_ready(self):", poll("READY_TIMEOUT")].join(
      "\n",
    );
    const device = "from .utils import ReadyCase\n\nclass TestDevice(ReadyCase):\n    READY_TIMEOUT = 600\n";
    const alone = [
      "import time",
      "",
      "class Device:",
      "    WAIT_TIMEOUT = 60",
      "",
      "    def wait(self):",
      poll("WAIT_TIMEOUT"),
    ];
    expect(await findings({ "t/utils.py": utils, "t/test_device.py": device })).toEqual([
      "t/test_device.py:4: no-hardcoded-timeout",
    ]);
    expect(await findings({ "t/device.py": alone.join("\n") })).toEqual(["t/device.py:4: no-hardcoded-timeout"]);
    const tree = tempTree({
      "pkg2/pyproject.toml": '[project]\nname = "pkg2"\n',
      "pkg2/t/__init__.py": "",
      "pkg2/t/utils.py": utils,
      "pkg2/t/test_device.py": device,
      "pkg2/t/device.py": alone.join("\n"),
    });
    expect(await findingsOf(tree, ".")).toEqual([
      "pkg2/t/device.py:4: no-hardcoded-timeout",
      "pkg2/t/test_device.py:4: no-hardcoded-timeout",
    ]);
  });

  it("stays a bound as a while loop's own condition", async () => {
    const read = "while self.waited != self.MINIMAL_TIMEOUT:\n            self.waited += 1";
    expect(await findings({ "t/utils.py": mixin(read), "t/test_tcpip.py": cases })).toEqual([
      "t/test_tcpip.py:8: no-hardcoded-timeout",
    ]);
  });
});
