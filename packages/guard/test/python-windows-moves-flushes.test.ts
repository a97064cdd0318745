import { describe, expect, it } from "vitest";
import { packageFindings } from "./helpers.ts";

// Session 38 (issue 9), from blind set fresh97: pontos' NVD client sleeps out the rest of a rate-limit window between
// batches of requests (`if elapsed < SLEEP_TIMEOUT: await asyncio.sleep(SLEEP_TIMEOUT - elapsed)`): the constant paces
// requests, nothing waits on it. The remainder of a deadline slept out before a test of what came stays a deadline. A
// module constant is judged with its package's facts: judged alone, another module may import it for a wait.

const limiter = (after: string[]) =>
  [
    "import asyncio",
    "import time",
    "",
    "SLEEP_TIMEOUT = 30.0",
    "",
    "class Api:",
    "    async def _consider_rate_limit(self):",
    "        self._request_count += 1",
    "        if self._request_count > self._rate_limit:",
    "            time_since_last_sleep = time.monotonic() - self._last_sleep",
    "            if time_since_last_sleep < SLEEP_TIMEOUT:",
    "                time_to_sleep = SLEEP_TIMEOUT - time_since_last_sleep",
    "                await asyncio.sleep(time_to_sleep)",
    ...after,
  ].join("\n");

describe("a rate limit's window, slept out between batches", () => {
  it("is not reported when the next batch starts after the sleep (pontos)", async () => {
    const code = limiter(["            self._last_sleep = time.monotonic()", "            self._request_count = 0"]);
    expect(await packageFindings({ "nvd/api.py": code })).toEqual([]);
  });

  it("is not reported when the rest is slept directly, kept from going negative", async () => {
    const code = [
      "import time",
      "",
      "BATCH_TIMEOUT = 1.5",
      "",
      "def next_batch(state):",
      "    elapsed = time.time() - state.last",
      "    time.sleep(max(0, BATCH_TIMEOUT - elapsed))",
      "    state.last = time.time()",
    ];
    expect(await packageFindings({ "nvd/pace.py": code.join("\n") })).toEqual([]);
  });

  it("stays reported when what came meanwhile is tested after the sleep (a deadline slept out)", async () => {
    const code = limiter(["            if not self.ready:", "                raise TimeoutError('no answer')"]);
    expect(await packageFindings({ "nvd/api.py": code })).toEqual(["nvd/api.py:4: no-hardcoded-timeout"]);
  });

  it("stays reported when the constant also bounds a real wait", async () => {
    const code = limiter([
      "            self._request_count = 0",
      "",
      "    def fetch(self, url):",
      "        return self.session.get(url, timeout=SLEEP_TIMEOUT)",
    ]);
    expect(await packageFindings({ "nvd/api.py": code })).toEqual(["nvd/api.py:4: no-hardcoded-timeout"]);
  });
});

// Session 38 (issue 9), from blind set fresh95: django-titofisto's tests keep a token's lifetime on the test case and
// read it only to move freezegun's clock past it.
describe("a duration that only moves a fake clock", () => {
  const tests = (extra: string[]) =>
    [
      "from datetime import datetime, timedelta",
      "from freezegun import freeze_time",
      "",
      "class TokenTest(TestCase):",
      "    def setUp(self):",
      "        self.timeout = 60 * 60",
      "",
      "    def test_expired(self):",
      "        now = datetime.now()",
      "        token = self.storage.get_token('a')",
      "        with freeze_time(now + timedelta(seconds=self.timeout + 1)):",
      "            self.assertFalse(self.storage.valid(token))",
      ...extra,
    ].join("\n");

  it("is not reported when every read moves freezegun's clock", async () => {
    expect(await packageFindings({ "app/tests.py": tests([]) })).toEqual([]);
  });

  it("stays reported when a read also bounds a real wait", async () => {
    const code = tests(["", "    def test_live(self):", "        self.client.get('/', timeout=self.timeout)"]);
    expect(await packageFindings({ "app/tests.py": code })).toEqual(["app/tests.py:6: no-hardcoded-timeout"]);
  });
});

// Session 38 (issue 9), from blind set fresh100: ewoksdata's stream reader yields what it has buffered each time
// `yield_timeout` has passed since the last flush, and restarts the clock: a flush period, nothing is given up on.
describe("a loop's flush period", () => {
  const reader = (after: string[]) =>
    [
      "import time",
      "",
      "def iter_stream(streams, yield_timeout=None):",
      "    if yield_timeout is None:",
      "        yield_timeout = 0.01",
      "    restart_buffer = time.perf_counter()",
      "    buffered = []",
      "    while streams:",
      "        buffered.extend(read_some(streams))",
      "        if not streams or (time.perf_counter() - restart_buffer) > yield_timeout:",
      ...after,
    ].join("\n");

  it("is not reported when the loop hands on its buffer and restarts the clock", async () => {
    const code = reader([
      "            yield from buffered",
      "            buffered = []",
      "            restart_buffer = time.perf_counter()",
    ]);
    expect(await packageFindings({ "data/reader.py": code })).toEqual([]);
  });

  it("stays reported when running out raises (an inactivity timeout), even with the clock restarted", async () => {
    const code = reader([
      "            restart_buffer = time.perf_counter()",
      "            raise TimeoutError('no data')",
    ]);
    expect(await packageFindings({ "data/reader.py": code })).toEqual(["data/reader.py:5: no-hardcoded-timeout"]);
  });
});
