#!/usr/bin/env node
// org-guard worst cases (after `pnpm build`): for each detector family, an adversarial generated file at
// sizes n, 2n and 4n, checked in-process with `checkSource` (warm: one untimed run first, then the median of
// --rounds runs, in CPU time of this process), printed with the growth ratio per doubling: about 2 is linear,
// about 4 quadratic. No assertion on time (performance is measured by benches that print ratios): a family
// whose ratio stays near 4 at sizes real files reach (a 1 MB bundle, a 5,000-line file) is a blow-up to fix,
// as 1,000 nested timers were in session 9 (0.2 s -> 41 s). A family that throws or reports an internal error
// is printed as such. The package pass (`packageFacts`, run over a package's files before they are checked) is
// one family too, on n generated files. Runs in about a minute on an idle core.
// --dump <dir> writes each chosen family's 4n file there (to profile it: node --cpu-prof bin/org-guard.js check <file>).
// Usage: node bench/worst-case.mjs [--rounds 3] [--scale 1] [--only name,name] [--dump dir] [--dist other/dist]
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";

const { values: args } = parseArgs({
  options: {
    rounds: { type: "string", default: "3" },
    scale: { type: "string", default: "1" },
    only: { type: "string" },
    dump: { type: "string" },
    dist: { type: "string" },
  },
});
// --dist: another build's dist/ (e.g. main's in another worktree), to print its figures for a before/after.
const dist = args.dist
  ? pathToFileURL(join(args.dist, "index.js")).href
  : new URL("../dist/index.js", import.meta.url).href;
const { checkSource, defaultGuardConfig, packageFacts, pythonPackageFacts } = await import(dist);
// Builds before session 15 ran the Python pass apart (`pythonPackageFacts`, which returned the Python facts alone).
const pythonPass = pythonPackageFacts
  ? async (files, config) => ({ internal: { python: await pythonPackageFacts(files, config) } })
  : packageFacts;
const rounds = Number(args.rounds);
const scale = Number(args.scale);
const only = args.only?.split(",");

const range = (n) => Array.from({ length: n }, (_, i) => i);
const lines = (n, f) => range(n).map(f).join("\n");

/**
 * One generator per family: `n` -> source. Each names the detector code it aims at. Sizes are chosen so that
 * 4n is about what a large real file holds (thousands of lines, or about 1 MB for one-line bundles).
 */
const FAMILIES = [
  // --- JavaScript ---
  [
    "js nested timer callbacks (timer-effects, callback-effects)",
    "a.js",
    200,
    (n) => {
      let body = "done();";
      for (let i = 0; i < n; i++) body = `setTimeout(() => { step${i}(); ${body} }, 1000);`;
      return `function run(done) { ${body} }\n`;
    },
  ],
  [
    "js many timers in one function (timers, deadline-timers)",
    "a.js",
    500,
    (n) =>
      `function run(opts) {\n${lines(n, (i) => `  const t${i} = setTimeout(() => this.poll${i}(), opts.timeout${i} || ${1000 + i});\n  clearTimeout(t${i});`)}\n}\n`,
  ],
  [
    "js long defaults table read into waits (constants, unread-defaults, held)",
    "a.js",
    500,
    (n) =>
      `const DEFAULTS = {\n${lines(n, (i) => `  step${i}Timeout: ${1000 + i},`)}\n};\n` +
      `class Client {\n  constructor(opts = {}) {\n${lines(n, (i) => `    this.step${i}Timeout = opts.step${i}Timeout || DEFAULTS.step${i}Timeout;`)}\n  }\n` +
      `  arm() {\n${lines(n, (i) => `    setTimeout(() => this.fail(), this.step${i}Timeout);`)}\n  }\n}\nmodule.exports = Client;\n`,
  ],
  [
    "js call chain of helpers passing a timeout (calls, call-facts, declarations)",
    "a.js",
    400,
    (n) =>
      lines(n, (i) => `function f${i}(timeout = ${100 + i}) { return f${i + 1}(timeout); }`) +
      `\nfunction f${n}(timeout) { return new Promise((r) => setTimeout(r, timeout)); }\nf0();\n`,
  ],
  [
    "js constants chain (constants.evaluate)",
    "a.js",
    500,
    (n) =>
      `const T0 = 1000;\n${lines(n, (i) => `const T${i + 1} = T${i} * 2 - T${i};`)}\nsetTimeout(go, T${n});\nconst timeout = T${n};\n`,
  ],
  [
    "js many classes with options and waits (classify, no-limit, zero, meaning)",
    "a.js",
    150,
    (n) =>
      lines(
        n,
        (i) =>
          `class C${i} {\n  constructor(opts) {\n    this.timeout = opts.timeout || 0;\n    this.connectTimeout = opts.connectTimeout ?? Infinity;\n    this.idleTimeout = false;\n  }\n  start() { if (this.timeout) this.timer = setTimeout(() => this.stop(), this.timeout); }\n  connect() { return this.socket.setTimeout(this.connectTimeout); }\n  stop() { clearTimeout(this.timer); }\n}`,
      ) + "\n",
  ],
  [
    "js many waits with their own no-limit defaults (own-waits, wait-flow)",
    "a.js",
    150,
    (n) =>
      lines(
        n,
        (i) =>
          `async function acquire${i}(pool, timeout${i} = 0) {\n  return new Promise((resolve, reject) => {\n    pool.waiters.push(resolve);\n    if (timeout${i}) setTimeout(() => reject(new Error("no session in " + timeout${i})), timeout${i});\n  });\n}\nasync function withSession${i}(pool, cb, timeout = 0) {\n  const session = await acquire${i}(pool, timeout);\n  return cb(session);\n}`,
      ) + "\n",
  ],
  [
    "js sockets ended with a force-close, one name read in n methods (closing-timers, wait-flow)",
    "a.js",
    150,
    (n) =>
      `class Transport {\n  constructor(socket, options) { this._socket = socket; this.options = options; }\n` +
      lines(
        n,
        (i) =>
          `  end${i}() {\n    const timeout = this.options.endCloseTimeout${i};\n    if (timeout > 0) this._socket.setTimeout(timeout, () => this.close());\n    this._socket.end();\n  }\n  ready${i}(timeout) {\n    if (timeout) this._socket.setTimeout(timeout);\n  }`,
      ) +
      `\n}\nconst DEFAULTS = {\n${lines(n, (i) => `  endCloseTimeout${i}: 0,`)}\n};\nmodule.exports = { Transport, DEFAULTS };\n`,
  ],
  [
    "js minified one-line bundle (prefilter, walk, sites)",
    "a.min.js",
    2000,
    (n) =>
      `!function(e){${range(n)
        .map(
          (i) =>
            `var a${i}={timeout:${i % 7 === 0 ? 0 : 5e3},retryDelay:1e3};e.s${i}=function(t){return setTimeout(t,a${i}.timeout)};`,
        )
        .join("")}}(this);\n`,
  ],
  [
    // review17 item 6: every race in a loop made each timer scan every race and every loop (a80a534: 4n 1.6 s, 2000
    // functions 9.8 s). Even functions poll (a while loop on a condition: pacing), odd ones race per item (reported).
    "js timer promises raced in loops (raced-calls)",
    "a.js",
    250,
    (n) =>
      lines(n, (i) => `const w${i} = () => new Promise((resolve) => setTimeout(() => resolve(null), ${i + 1}));`) +
      "\n" +
      lines(n, (i) =>
        i % 2 === 0
          ? `async function poll${i}(op) {\n  while (!op.done) await Promise.race([op.next(), w${i}()]);\n}`
          : `async function drain${i}(queues) {\n  for (const q of queues) await Promise.race([q.drain(), w${i}()]);\n}`,
      ) +
      "\n",
  ],
  [
    "js test file with mock clocks (mock-clocks, test-facts, mocha-runnables)",
    "a.test.js",
    200,
    (n) =>
      `const sinon = require("sinon");\ndescribe("suite", function () {\n  this.timeout(5000);\n${lines(n, (i) => `  it("case ${i}", function (done) {\n    const clock = sinon.useFakeTimers();\n    const c = new Client({ timeout: ${1000 + i}, clock });\n    setTimeout(done, ${2000 + i});\n    clock.tick(${3000 + i});\n  });`)}\n});\n`,
  ],
  [
    "js tests handing one fake timer to every client, waits with statement defaults (doubles, own-waits)",
    "a.test.js",
    300,
    (n) =>
      `const setTimeout = (fn, ms) => calls.push({ fn, ms });\n${lines(n, (i) => `it("case ${i}", async () => {\n  const c = new Client({ pingTimeout: ${i}, setTimeout });\n  await c.call${i}("m", [], 0);\n});\nasync function wait${i}(${Array.from({ length: 20 }, (_, k) => `a${k}`).join(", ")}, timeout) {\n  if (timeout == null) timeout = 0;\n  const deadline = timeout > 0 ? Date.now() + timeout : 0;\n  return new Promise((resolve) => poll${i}(resolve, deadline));\n}`)}\n`,
  ],
  [
    "js dead code and helpers only it calls (dead-code)",
    "a.test.js",
    300,
    (n) =>
      lines(
        n,
        (i) =>
          `function helper${i}(t) { return request({ timeout: ${1000 + i} }).then(() => helper${i + 1}(t)); }\nfalse && test("dead ${i}", (t) => { helper${i}(t); t.timeoutAfter(${500 + i}); });`,
      ) + `\nfunction helper${n}() {}\n`,
  ],
  [
    "js exported option ids (exported code lists)",
    "a.mjs",
    1000,
    (n) =>
      lines(n, (i) => `export const OPT_${i}_TIMEOUT = ${i + 1};`) +
      "\nexport function set(sock) { sock.setOption(OPT_0_TIMEOUT, 5); }\n",
  ],
  [
    "js timer-callback pacing methods (timer-effects pacing)",
    "a.js",
    300,
    (n) =>
      `class Poller {\n${lines(n, (i) => `  poll${i}() { this.t${i} = setTimeout(() => this.poll${(i + 1) % n}(), this.checkTimeout${i} || ${1000 + i}); }`)}\n}\nmodule.exports = Poller;\n`,
  ],
  // Kept under the in-process nesting bound (deep.ts): past it a file moves to the deep worker, a step, not growth.
  [
    "js deeply nested objects of timeouts (value-shapes, expected-values)",
    "a.js",
    100,
    (n) => {
      let obj = "{ timeout: 1000 }";
      for (let i = 0; i < n; i++) obj = `{ timeout: ${i}, inner${i}: ${obj} }`;
      return `const config = ${obj};\nclient.request(config);\n`;
    },
  ],
  [
    "js many assertions on timeouts (expected-values, assertion ranges)",
    "a.test.js",
    400,
    (n) =>
      `test("x", () => {\n${lines(n, (i) => `  const expected${i} = { connectionTimeout: ${i}, requestTimeout: 1000 };\n  expect(make(${i})).toEqual(expected${i});\n  assert.equal(client.timeout, ${1000 + i});`)}\n});\n`,
  ],
  [
    "js long || fallback chains (value-shapes, classify)",
    "a.js",
    300,
    (n) =>
      `function f(o) {\n  const timeout = ${range(n)
        .map((i) => `o.t${i}`)
        .join(" || ")} || 5000;\n  return setTimeout(g, timeout);\n}\n`,
  ],
  [
    "js long ternary chains of timeouts (classify)",
    "a.js",
    300,
    (n) =>
      `function f(k) {\n  const timeout = ${range(n)
        .map((i) => `k === ${i} ? ${1000 + i} : `)
        .join("")}0;\n  return setTimeout(g, timeout);\n}\n`,
  ],
  // --- the package pass (package-facts.ts: run over a package's files before they are checked) ---
  // A family whose `make` returns files is timed on `packageFacts` (findings column: names it learns, no-limit and inert).
  [
    "js package facts: n files, each its own no-limit default read into a wait",
    "package",
    100,
    (n) =>
      range(n).map((i) => [
        `lib/part${i}.js`,
        `const defaults = { step${i}Timeout: 0, retries: ${i} };\n` +
          `function arm(opts) { if (opts.step${i}Timeout) setTimeout(fail, opts.step${i}Timeout); }\n` +
          `${lines(100, (j) => `exports.f${j} = function (x) { return x + ${j}; };`)}\n` +
          `module.exports.defaults = defaults;\n`,
      ]),
  ],
  [
    "js package facts: n files, each its own keep-alive armed only by a schedule (inert candidates)",
    "package-inert",
    100,
    (n) =>
      range(n).map((i) => [
        `lib/beat${i}.js`,
        `const defaults = { beat${i}Timeout: 250, retries: ${i} };\n` +
          `function keepAlive(o) { o.t = setTimeout(() => o.sendKeepAlive(), o.config.beat${i}Timeout * 1000); }\n` +
          `${lines(100, (j) => `exports.f${j} = function (x) { return x + ${j}; };`)}\n` +
          `module.exports.defaults = defaults;\n`,
      ]),
  ],
  // The Python package pass (python-facts.ts): n modules, each a client handing its None to the previous module's
  // client (a chain the rounds follow), all re-exported by `__init__.py` (findings column: keepers it learns).
  [
    "py package facts: n modules, a chain of clients handing a None on, re-exported",
    "py-package",
    100,
    (n) => [
      ["pkg/__init__.py", lines(n, (i) => `from .mod${i} import Client${i}`) + "\n"],
      ...range(n).map((i) => [
        `pkg/mod${i}.py`,
        `import socket\n${i > 0 ? `from pkg import Client${i - 1}\n` : ""}\n` +
          `class Client${i}:\n    def __init__(self, host, timeout=None):\n        self.host = host\n` +
          `        self.timeout = timeout\n` +
          (i > 0 ? `        self.inner = Client${i - 1}(host, timeout=timeout)\n` : "") +
          `\n    def connect(self):\n        return socket.create_connection((self.host, 80), timeout=self.timeout)\n\n` +
          `${lines(50, (j) => `def f${j}(x):\n    return x + ${j}\n`)}\n`,
      ]),
    ],
  ],
  // --- Python ---
  // CPython refuses more than 100 levels of indentation: 4n stays below.
  [
    "py nested functions (scopes, context)",
    "a.py",
    24,
    (n) => {
      let out = "";
      for (let i = 0; i < n; i++)
        out += `${"    ".repeat(i)}def f${i}(timeout=${i + 1}):\n${"    ".repeat(i + 1)}time.sleep(timeout)\n`;
      return `import time\n${out}`;
    },
  ],
  [
    "py many requests with timeouts (calls, http)",
    "a.py",
    500,
    (n) =>
      `import requests\n\ndef fetch(url):\n${lines(n, (i) => `    r${i} = requests.get(url, timeout=${i + 1})`)}\n    return r0\n`,
  ],
  [
    "py call chain of parameter defaults (parameter defaults handed to waits)",
    "a.py",
    400,
    (n) =>
      `import socket\n\n${lines(n, (i) => `def f${i}(sock, seconds=${i + 1}):\n    return f${i + 1}(sock, seconds)\n`)}\ndef f${n}(sock, seconds):\n    sock.settimeout(seconds)\n`,
  ],
  [
    "py classes with constructor no-limit settings (settings, lifetimes)",
    "a.py",
    150,
    (n) =>
      `import socket\nimport threading\n\n${lines(n, (i) => `class C${i}(object):\n    def __init__(self, host, timeout=None, join_timeout=None):\n        self.timeout = timeout\n        self.join_timeout = join_timeout\n        self.sock = socket.create_connection(host, self.timeout)\n        self.thread = threading.Thread(target=self.run)\n\n    def close(self):\n        self.thread.join(self.join_timeout)\n        self.sock.settimeout(self.timeout)\n`)}`,
  ],
  [
    "py factories and classes handing a None on (settings' handedOn, callees)",
    "a.py",
    150,
    (n) =>
      `import socket\n\n${lines(n, (i) => `class C${i}(object):\n    def __init__(self, host, timeout=None):\n        self.inner = C${i + 1}(host, timeout=timeout)\n\n\ndef make${i}(host, timeout=None):\n    return C${i}(host, timeout=timeout)\n`)}\nclass C${n}(object):\n    def __init__(self, host, timeout=None):\n        self.sock = socket.socket()\n        self.sock.settimeout(timeout)\n`,
  ],
  [
    "py long settings table (code-lists, facts)",
    "a.py",
    1000,
    (n) =>
      `DEFAULTS = {\n${lines(n, (i) => `    "step${i}_timeout": ${i + 1},`)}\n}\n\ndef arm(client):\n    client.wait(timeout=DEFAULTS["step0_timeout"])\n`,
  ],
  [
    "py constants chain (evaluate)",
    "a.py",
    500,
    (n) =>
      `import time\nT0 = 10\n${lines(n, (i) => `T${i + 1} = T${i} * 2 - T${i}`)}\ntime.sleep(T${n})\nTIMEOUT = T${n}\n`,
  ],
  [
    "py pacing loops (pacing)",
    "a.py",
    300,
    (n) =>
      `import time\n\nclass Poller:\n${lines(n, (i) => `    def poll${i}(self, timeout=${i + 1}):\n        while self.running:\n            self.step${i}()\n            time.sleep(self.interval or timeout)\n`)}`,
  ],
  [
    "py tests with doubles and patched clocks (doubles, patched, asserted)",
    "test_a.py",
    200,
    (n) =>
      `import time\nfrom unittest import mock\n\n${lines(n, (i) => `@mock.patch("time.sleep")\ndef test_${i}(sleep):\n    fake = mock.Mock(timeout=${i + 1})\n    client = Client(timeout=${i + 2}, transport=fake)\n    client.run()\n    sleep.assert_called_with(${i + 3})\n    assert client.timeout == ${i + 2}\n`)}`,
  ],
  [
    "py test module constants and locals read only by doubles (handed-to-doubles)",
    "test_a.py",
    300,
    (n) =>
      `from unittest import mock\n\n${lines(n, (i) => `STOP_TIMEOUT_${i} = ${i + 1}\n`)}\n${lines(n, (i) => `def test_${i}():\n    fake = mock.Mock()\n    timeout = ${i + 2}\n    client = Client(timeout=timeout, transport=fake)\n    fake.stop(STOP_TIMEOUT_${i})\n    assert client.timeout == timeout\n`)}`,
  ],
  [
    "py one-line statements (syntax, scan)",
    "a.py",
    2000,
    (n) =>
      `import time\n${range(n)
        .map((i) => `x${i} = f(timeout=${i % 5 === 0 ? "None" : i + 1}); time.sleep(${i})`)
        .join("; ")}\n`,
  ],
  [
    "py alarms and deadlines (alarms, deadlines)",
    "a.py",
    300,
    (n) =>
      `import signal, time\n\n${lines(n, (i) => `def job${i}():\n    signal.alarm(${i + 1})\n    deadline = time.monotonic() + ${i + 10}\n    while time.monotonic() < deadline:\n        work${i}()\n    signal.alarm(0)\n`)}`,
  ],
  [
    "py fixed periods run out on the clock, calls of what doubles return (deadlines, doubles)",
    "test_a.py",
    300,
    (n) =>
      `import time\nfrom unittest.mock import Mock, call\n\n${lines(n, (i) => `def warm${i}(canvas):\n    etime = time.time() + ${i + 1}\n    while time.time() < etime:\n        time.sleep(0.01)\n        for item in canvas.items${i}:\n            if item.done():\n                break\n        canvas.process_events()\n`)}\n\ndef test_chain():\n    p0 = Mock()\n${lines(n, (i) => `    p${i + 1} = p${i}("cmd")\n    p${i + 1}.wait(timeout=${i + 1})\n    assert p${i}.mock_calls == [call.wait(timeout=${i + 1})]`)}\n`,
  ],
  [
    "py one field assigned in every method (lifetimes, judged-reads)",
    "a.py",
    1000,
    (n) =>
      `class Conn:\n${lines(n, (i) => `    def retry${i}(self):\n        self.timeout += 1\n        self.timeout = 0`)}\n`,
  ],
  [
    "py one test building objects it only inspects (inspected)",
    "test_a.py",
    300,
    (n) =>
      `import pickle\n\ndef test_options():\n${lines(n, (i) => `    fs = FileSystem(request_timeout=${i + 1}, connect_timeout=${i + 2})\n    assert isinstance(fs, FileSystem)\n    assert pickle.loads(pickle.dumps(fs)) == fs\n    c${i} = Client(timeout=${i + 1})\n    assert repr(c${i})`)}\n`,
  ],
  [
    "py clock budgets over local work (budgets)",
    "a.py",
    150,
    (n) =>
      `import time\n\n${lines(n, (i) => `LIMIT_TIMEOUT_${i} = ${i + 1}\n\n\nclass Prover${i}:\n    TIMEOUT = ${i + 1}\n\n    def prove(self, clauses):\n        deadline = time.monotonic() + self.TIMEOUT if self.TIMEOUT else None\n        for c in clauses:\n            if deadline is not None and time.monotonic() > deadline:\n                return False\n            c.step(deadline=deadline)\n        return True\n\n    def start(self):\n        self.finish_${i} = time.perf_counter() + LIMIT_TIMEOUT_${i}\n\n    def check(self):\n        return time.perf_counter() >= self.finish_${i}\n\n    def step(self, deadline=None):\n        return deadline\n`)}`,
  ],
  [
    "py requests a test's doubles may answer (intercepted)",
    "test_a.py",
    300,
    (n) =>
      `import requests\nfrom wsgi_intercept.interceptor import RequestsInterceptor\n\n\nclass NetTest(TestCase):\n    def setUp(self):\n        self.network = self.useFixture(FakeNetwork())\n\n    def test_all(self):\n        with RequestsInterceptor(app=app, host="h.test", port=80) as url:\n${lines(n, (i) => `            self.network.get("http://r${i}.test", text="x")\n            requests.get("http://other${i}.test")\n            requests.get(url)\n            requests.get("http://r${i}.test")`)}\n`,
  ],
  [
    "py timer schedules with callbacks and kept fields (schedules, expiries, lifetimes)",
    "a.py",
    300,
    (n) =>
      `class Manager:\n${lines(n, (i) => `    def arm${i}(self, loop, reconnect_timeout=${i + 1}):\n        self._retry${i} = reconnect_timeout\n        loop.call_later(self._retry${i}, self.connect${i})\n\n    def connect${i}(self):\n        return self.loop.create_connection(self.factory, self.host, ${i})\n`)}`,
  ],
  [
    "py timers sharing one callback that re-arms through a long function (schedules)",
    "a.py",
    300,
    (n) =>
      `class Sender:\n    def send(self, request):\n${lines(n, (i) => `        self.transport.write(request, ${i})`)}\n        self._handle = self.loop.call_later(self.delay, self._retry, request)\n\n    def _retry(self, request):\n        self.send(request)\n\n${lines(n, (i) => `    def arm${i}(self, loop, retry_timeout=${i + 1}):\n        loop.call_later(retry_timeout, self._retry)\n`)}`,
  ],
  [
    "py test class setting timeouts on n doubles it keeps on self (test-reads)",
    "test_a.py",
    300,
    (n) =>
      `from unittest import mock\n\nclass ServerTest:\n${lines(n, (i) => `    def test_${i}(self):\n        self.m${i} = mock.Mock()\n        self.m${i}.timeout_${i} = ${i + 1}\n        self.engine${i} = {"timeout": ${i + 2}}\n        self.m${i}.return_value = self.engine${i}\n        self.assertEqual(self.m${i}(), self.engine${i})\n`)}`,
  ],
  [
    "py kwargs popped and handed on (uses, lookups)",
    "a.py",
    300,
    (n) =>
      `${lines(n, (i) => `def call${i}(*args, **kwargs):\n    timeout = kwargs.pop("timeout", None)\n    kwargs.setdefault("connect_timeout", ${i + 1})\n    return transport${i}.request(*args, timeout=timeout, **kwargs)\n`)}`,
  ],
];

const config = defaultGuardConfig(process.cwd());

function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function time(path, source) {
  if (Array.isArray(source) && path === "py-package") {
    const facts = await pythonPass(source, config);
    const samples = [];
    for (let r = 0; r < rounds; r++) {
      const start = cpuMs();
      await pythonPass(source, config);
      samples.push(cpuMs() - start);
    }
    samples.sort((a, b) => a - b);
    // What the Python pass learnt (the facts' internals, read here only to count it).
    const keepers = Object.values(facts.internal?.python?.keepers ?? {}).reduce(
      (sum, names) => sum + Object.keys(names).length,
      0,
    );
    return { ms: samples[samples.length >> 1], findings: keepers };
  }
  if (Array.isArray(source)) {
    const once = () => packageFacts(source, config);
    const facts = await once();
    const samples = [];
    for (let r = 0; r < rounds; r++) {
      const start = cpuMs();
      await once();
      samples.push(cpuMs() - start);
    }
    samples.sort((a, b) => a - b);
    return {
      ms: samples[samples.length >> 1],
      findings: facts.zero.size + facts.infinite.size + (facts.inert?.size ?? 0),
    };
  }
  const first = await checkSource(path, source, config);
  const internal = first.messages.find((m) => m.ruleId === "internal-error" || m.ruleId === "parse-error");
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    const start = cpuMs();
    await checkSource(path, source, config);
    samples.push(cpuMs() - start);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[samples.length >> 1], findings: first.messages.length, internal };
}

const fmt = (ms) => (ms < 10 ? ms.toFixed(1) : ms.toFixed(0)).padStart(7);
console.log(`org-guard worst cases: CPU ms per checkSource (median of ${rounds}, warm), sizes n / 2n / 4n`);
console.log(
  `${"family".padEnd(78)} ${"n".padStart(6)} ${"t(n)".padStart(7)} ${"t(2n)".padStart(7)} ${"t(4n)".padStart(7)}  ratios   findings(4n)  kB(4n)`,
);
const worst = [];
for (const [name, path, base, make] of FAMILIES) {
  if (only && !only.some((o) => name.includes(o))) continue;
  const n = Math.max(1, Math.round(base * scale));
  const row = [];
  let failure;
  for (const size of [n, 2 * n, 4 * n]) {
    const source = make(size);
    if (args.dump && size === 4 * n && !Array.isArray(source)) {
      mkdirSync(args.dump, { recursive: true });
      writeFileSync(join(args.dump, `${name.replace(/\W+/g, "-").slice(0, 40)}-${path}`), source);
    }
    try {
      const t = await time(path, source);
      if (t.internal) failure = `${t.internal.ruleId}: ${t.internal.message.slice(0, 100)}`;
      const bytes = Array.isArray(source) ? source.reduce((sum, [, text]) => sum + text.length, 0) : source.length;
      row.push({ ...t, kb: bytes / 1024 });
    } catch (error) {
      failure = `threw: ${error?.message ?? error}`;
      break;
    }
  }
  if (row.length < 3) {
    console.log(`${name.padEnd(78)} ${String(n).padStart(6)}  ${failure}`);
    continue;
  }
  const r1 = row[1].ms / Math.max(row[0].ms, 0.05);
  const r2 = row[2].ms / Math.max(row[1].ms, 0.05);
  worst.push([r2, name]);
  console.log(
    `${name.padEnd(78)} ${String(n).padStart(6)} ${fmt(row[0].ms)} ${fmt(row[1].ms)} ${fmt(row[2].ms)}  ${r1.toFixed(1)} ${r2.toFixed(1)}  ${String(row[2].findings).padStart(8)}  ${row[2].kb.toFixed(0).padStart(6)}${failure ? `  ${failure}` : ""}`,
  );
}
worst.sort((a, b) => b[0] - a[0]);
console.log(
  `\nlargest last-doubling ratio: ${worst[0]?.[0].toFixed(1)} (${worst[0]?.[1]}); about 2 = linear, 4 = quadratic`,
);
