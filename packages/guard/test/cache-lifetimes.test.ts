import { describe, expect, it } from "vitest";
import { defaultGuardConfig } from "../src/index.ts";
import { packageFindings } from "./helpers.ts";

// A cache package whose own classes take an entry's lifetime as `timeout` (repoze.lru's `ExpiringLRUCache(size,
// default_timeout=...)`, `put(key, val, timeout=None)` stored as `time.time() + timeout`, the `CacheMaker` that hands its
// `timeout` on through `_resolve_setting`'s returned tuple; session 25, guard-lifetime25), and its unittest module in
// the Zope idiom (`self._makeOne(...)` returning `self._getTargetClass()(...)`, the class imported from the package by
// its absolute name). The tests' lifetimes are released by what the package's callees do with them; a class named like
// a cache whose `get` waits on a condition with its `timeout`, and a queue's `put(item, timeout=5)`, stay reported.
const config = defaultGuardConfig(process.cwd());

const lru = [
  "import threading",
  "import time",
  "",
  "_DEFAULT_TIMEOUT = 2 ** 60",
  "",
  "class ExpiringCache(object):",
  "    def __init__(self, size, default_timeout=_DEFAULT_TIMEOUT):",
  "        self.default_timeout = default_timeout",
  "        self.data = {}",
  "",
  "    def get(self, key, default=None):",
  "        val, expires = self.data[key]",
  "        return val if expires > time.time() else default",
  "",
  "    def put(self, key, val, timeout=None):",
  "        if timeout is None:",
  "            timeout = self.default_timeout",
  "        self.data[key] = (val, time.time() + timeout)",
  "",
  "class CacheMaker(object):",
  '    """Makes caches: timeout (default %d s) is how long an entry lives."""',
  "",
  "    def __init__(self, maxsize=None, timeout=_DEFAULT_TIMEOUT):",
  "        self._maxsize = maxsize",
  "        self._timeout = timeout",
  "",
  "    def _resolve_setting(self, name=None, maxsize=None, timeout=None):",
  "        if timeout is None:",
  "            timeout = self._timeout",
  "        return name, maxsize, timeout",
  "",
  "    def expiring(self, name=None, maxsize=None, timeout=None):",
  "        name, maxsize, timeout = self._resolve_setting(name, maxsize, timeout)",
  "        return ExpiringCache(maxsize, timeout)",
  "",
  "class BlockingCache(object):",
  "    def __init__(self, size, timeout=30):",
  "        self.timeout = timeout",
  "        self.cond = threading.Condition()",
  "        self.data = {}",
  "",
  "    def get(self, key, timeout=None):",
  "        with self.cond:",
  "            self.cond.wait(timeout or self.timeout)",
  "            return self.data.get(key)",
  "",
].join("\n");

const tests = [
  "import queue",
  "import time",
  "import unittest",
  "",
  "class ExpiringCacheTests(unittest.TestCase):",
  "    def _getTargetClass(self):",
  "        from lru import ExpiringCache",
  "        return ExpiringCache",
  "",
  "    def _makeOne(self, size, default_timeout=None):",
  "        if default_timeout is None:",
  "            return self._getTargetClass()(size)",
  "        return self._getTargetClass()(size, default_timeout=default_timeout)",
  "",
  "    def test_expiry(self):",
  "        cache = self._makeOne(3, default_timeout=0.1)",
  "        cache.put('two', 2, timeout=0.2)",
  "        time.sleep(0.1)",
  "        self.assertIsNone(cache.get('one'))",
  "",
  "class CacheMakerTests(unittest.TestCase):",
  "    def _getTargetClass(self):",
  "        from lru import CacheMaker",
  "        return CacheMaker",
  "",
  "    def _makeOne(self, *args, **kw):",
  "        return self._getTargetClass()(*args, **kw)",
  "",
  "    def test_expiring(self):",
  "        timeout = 10",
  "        maker = self._makeOne(maxsize=10, timeout=timeout)",
  "        cache = maker.expiring(timeout=20)",
  "        self.assertEqual(cache.default_timeout, 20)",
  "        self.assertEqual(maker._timeout, timeout)",
  "",
  "class BlockingCacheTests(unittest.TestCase):",
  "    def _getTargetClass(self):",
  "        from lru import BlockingCache",
  "        return BlockingCache",
  "",
  "    def _makeOne(self, size, timeout=None):",
  "        return self._getTargetClass()(size, timeout=timeout)",
  "",
  "    def test_get(self):",
  "        cache = self._makeOne(3, timeout=0.5)",
  "        self.assertIsNone(cache.get('k', timeout=2))",
  "        q = queue.Queue()",
  "        q.put(1, timeout=5)",
  "",
].join("\n");

describe("cache entry lifetimes handed to the package's own cache", () => {
  it("releases the tests' lifetimes and the module's 'never' default; keeps a cache's real wait and a queue's", async () => {
    const found = await packageFindings({ "/p/lru/__init__.py": lru, "/p/lru/tests.py": tests }, config);
    expect(found).toEqual([
      "/p/lru/__init__.py:37: no-hardcoded-timeout",
      "/p/lru/tests.py:45: no-hardcoded-timeout",
      "/p/lru/tests.py:46: no-hardcoded-timeout",
      "/p/lru/tests.py:48: no-hardcoded-timeout",
    ]);
  });

  it("reports them all without the package's facts", async () => {
    const found = await packageFindings({ "/p/lru/__init__.py": lru, "/p/lru/tests.py": tests }, config, false);
    expect(found).toEqual(
      expect.arrayContaining([
        "/p/lru/__init__.py:4: no-unbounded-timeout",
        "/p/lru/tests.py:16: no-hardcoded-timeout",
        "/p/lru/tests.py:17: no-hardcoded-timeout",
      ]),
    );
  });
});
