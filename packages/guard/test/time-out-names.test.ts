import { describe, expect, it } from "vitest";
import { Signatures } from "../src/detect/python/timeout-positions.ts";
import { defaultGuardConfig } from "../src/index.ts";
import { isPythonTimeoutName } from "../src/names.ts";
import { findingLines, packageFindings } from "./helpers.ts";

// Session 25 (guard-rec25), Python recall: trove's `utils.poll_until(f, time_out=60)` and its oslo.config
// `*_time_out` options, proboscis' `@time_out(60)`, a package method whose parameter reaches a wait only through
// `time_out=max_time`, and django-gravatar2's `urlopen` imported through the package's own `compat.py`.
const config = defaultGuardConfig(process.cwd());

describe("Python names: a snake-case `time_out` is the word timeout", () => {
  it("reads `time_out`, `TIME_OUT` and `server_delete_time_out`; not camel case, plurals or other words", () => {
    expect(isPythonTimeoutName("time_out")).toBe(true);
    expect(isPythonTimeoutName("TIME_OUT")).toBe(true);
    expect(isPythonTimeoutName("server_delete_time_out")).toBe(true);
    // Twisted's `timeOut` is left as it was (its tests drive it on virtual clocks).
    expect(isPythonTimeoutName("timeOut")).toBe(false);
    expect(isPythonTimeoutName("datetime_out")).toBe(false);
    expect(isPythonTimeoutName("time_outs")).toBe(false);
    expect(isPythonTimeoutName("time_out_limit")).toBe(false);
    expect(isPythonTimeoutName("no_time_out")).toBe(false);
  });

  it("reports a literal `time_out=` and the `*_time_out` option's default; not the sleep beside it", async () => {
    const source = [
      "from oslo_config import cfg",
      "from trove.common import utils",
      "",
      "opts = [cfg.IntOpt('volume_time_out', default=60)]",
      "",
      "def wait(f, timeout):",
      "    utils.poll_until(f, time_out=60)",
      "    utils.poll_until(f, sleep_time=3, time_out=timeout)",
      "",
    ].join("\n");
    expect(await findingLines("mod.py", source)).toEqual(["4: no-hardcoded-timeout", "7: no-hardcoded-timeout"]);
  });

  it("an upper-case member of an enum built by a call is a code, not a timeout; a call's settings stay", async () => {
    const source = [
      "from construct import BitsInteger, Enum",
      "",
      "Step = Enum(BitsInteger(8), IDLE=0, WAITING=2, OK_FOUND_3=8, TIME_OUT=9, SPARE=10, NO_MATCH=11)",
      "client = Client(host, port=8080, retries=3, backoff=2, time_out=30)",
      "",
    ].join("\n");
    expect(await findingLines("mod.py", source)).toEqual(["4: no-hardcoded-timeout"]);
  });

  it("reports proboscis' `@time_out(n)` as a test's time limit, and a constant it names where it is written", async () => {
    const source = [
      "from proboscis.decorators import time_out",
      "",
      "TIMEOUT_INSTANCE_CREATE = 60 * 32",
      "",
      "class T:",
      "    @time_out(TIMEOUT_INSTANCE_CREATE)",
      "    def test_create(self):",
      "        pass",
      "",
      "    @time_out(5 * 60)",
      "    def test_delete(self):",
      "        pass",
      "",
    ].join("\n");
    expect(await findingLines("mod.py", source)).toEqual(["3: no-hardcoded-timeout", "10: no-hardcoded-timeout"]);
  });
});

describe("a package function's parameter handed to a timeout keyword takes a timeout positionally", () => {
  const positionsOf = (text: string) => {
    const signatures = new Signatures();
    signatures.add(text);
    return { ...signatures.positions((name) => isPythonTimeoutName(name)) };
  };

  it("reads `max_time` handed to `time_out=`; not a parameter handed to `sleep_time=`", () => {
    const text = [
      "class App:",
      "    def wait_for_slave_status(self, status, client, max_time):",
      "        utils.poll_until(verify, sleep_time=3,",
      "                         time_out=max_time)",
      "",
      "    def pace(self, status, interval):",
      "        utils.poll_until(verify, sleep_time=interval)",
      "",
    ].join("\n");
    expect(positionsOf(text)).toEqual({ wait_for_slave_status: { 2: "max_time" } });
  });

  it("stops at the body's end: a later function's keyword is not the earlier one's", () => {
    const text = ["def first(max_time):", "    return max_time", "", "def second(max_time):", "    pass", ""].join(
      "\n",
    );
    const later = text + "x = wait(time_out=max_time)\n";
    expect(positionsOf(later)).toEqual({});
  });

  it("reports a literal in that place on the object's own method; a variable there is the caller's", async () => {
    const service = [
      "from trove.common import utils",
      "",
      "class MySqlApp:",
      "    def wait_for_slave_status(self, status, client, max_time):",
      "        utils.poll_until(lambda: client.ok(status), sleep_time=3, time_out=max_time)",
      "",
      "    def start_slave(self, client):",
      "        self.wait_for_slave_status('ON', client, 180)",
      "",
      "    def stop_slave(self, client, limit):",
      "        self.wait_for_slave_status('OFF', client, limit)",
      "",
    ].join("\n");
    expect(await packageFindings({ "/p/service.py": service }, config)).toEqual([
      "/p/service.py:8: no-hardcoded-timeout",
    ]);
  });
});

describe("a name imported through the package's own module stands for what that module imported", () => {
  const compat = [
    "try:",
    "    from urllib.request import Request, urlopen",
    "except ImportError:",
    "    from urllib2 import Request, urlopen",
    "",
  ].join("\n");
  const helpers = [
    "from .compat import Request, urlopen",
    "",
    "def has_gravatar(url):",
    "    return 200 == urlopen(Request(url)).code",
    "",
    "def bounded(url, limit):",
    "    return urlopen(Request(url), timeout=limit)",
    "",
  ].join("\n");

  it("reports `urlopen` from `.compat` without a timeout, as the standard library's; not with one", async () => {
    const files = { "/p/gravatar/compat.py": compat, "/p/gravatar/helpers.py": helpers };
    expect(await packageFindings(files, config)).toEqual(["/p/gravatar/helpers.py:4: no-unbounded-timeout"]);
  });

  it("a `urlopen` the package defines itself is its own, not the standard library's", async () => {
    const own = "def urlopen(request):\n    return request.read()\n";
    const files = { "/p/gravatar/compat.py": own, "/p/gravatar/helpers.py": helpers };
    expect(await packageFindings(files, config)).toEqual([]);
  });
});
