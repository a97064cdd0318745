import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSource, defaultGuardConfig, packageFacts, type PackageFacts } from "../src/index.ts";
import { internalsOf } from "../src/package-facts-shape.ts";
import { corpusPackage, findingLines, findingsOf, git, tempRepo, tempTree } from "./helpers.ts";
import { isPython } from "../src/extensions.ts";

// Python packages where a line is judged by what another module of the package shows: objects that keep a "no limit"
// through a class or function of another module (handedon: stomp's `StompConnection11(timeout=None)` ->
// `transport.Transport`, aiodogstatsd's middleware factory -> `Client`), and a literal in a timeout's place of a
// function defined in another module (positional: `self.wait_for_status(id, "ACTIVE", "cluster", 120)`). In
// test/corpus/python-packages/<name>, a trailing `# expect: <rule>` marks each line that must be flagged when the file
// is checked with its package's facts.
const root = join(import.meta.dirname, "corpus/python-packages");
const config = defaultGuardConfig(root);

describe("Python package facts: what another module of the package shows", () => {
  for (const name of readdirSync(root).sort()) {
    const { files, expected, found, facts } = corpusPackage(root, join(root, name), isPython, config);

    it(`${name}: every expected finding with the package's facts, nothing else`, async () => {
      expect(await found(await facts())).toEqual(expected);
    });

    it(`${name}: judged file by file, some of what only another module shows is missed`, async () => {
      const alone = await found();
      expect(expected.filter((line) => !alone.includes(line)).length).toBeGreaterThan(0);
    });

    it(`${name}: a file checked by a relative path finds what the pass, given absolute paths, learnt`, async () => {
      const withFacts = await facts();
      const out: string[] = [];
      for (const { path, text } of files) {
        const result = await checkSource(relative(process.cwd(), path), text, config, withFacts);
        out.push(...result.messages.map((m) => `${relative(root, path)}:${m.line}: ${m.ruleId}`));
      }
      expect(out.sort()).toEqual(expected);
    });
  }

  it("counts the files that mention each timeout-looking word", async () => {
    const facts = await packageFacts(
      [
        ["pkg/a.py", "SOCKET_TIMEOUT = 5\nx = 'read_timeout'\n"],
        ["pkg/b.py", "from .a import SOCKET_TIMEOUT\ny = SOCKET_TIMEOUT\n"],
      ],
      config,
    );
    expect(internalsOf(facts)?.python?.words).toEqual({ SOCKET_TIMEOUT: 2, read_timeout: 1 });
  });

  it("a module constant only slept for in its module is a delay only when no other module of the package names it", async () => {
    const client = [
      "import time",
      "",
      "TIMEOUT = 10",
      "RETRY_PAUSE_TIMEOUT = 0.5",
      "",
      "def fetch(call):",
      "    for attempt in range(3):",
      "        try:",
      "            return call()",
      "        except OSError:",
      "            time.sleep(TIMEOUT)",
      "            time.sleep(RETRY_PAUSE_TIMEOUT)",
      "",
    ].join("\n");
    const conn = [
      "import socket",
      "",
      "from .client import TIMEOUT",
      "",
      "def connect(host):",
      "    return socket.create_connection((host, 80), timeout=TIMEOUT)",
      "",
    ].join("\n");
    const lines = (facts?: PackageFacts) => findingLines("pkg/client.py", client, config, facts);
    const facts = await packageFacts(
      [
        ["pkg/client.py", client],
        ["pkg/conn.py", conn],
      ],
      config,
    );
    expect(await lines(facts)).toEqual(["3: no-hardcoded-timeout"]);
    // Judged alone, whether another module reads a constant is unknown: both stay reported.
    expect(await lines()).toEqual(["3: no-hardcoded-timeout", "4: no-hardcoded-timeout"]);
  });

  it("a standard-library call without a timeout is bounded when any module of the package sets the socket's default", async () => {
    const fetch = ["import urllib.request", "", "def fetch(url):", "    return urllib.request.urlopen(url).read()", ""];
    const main = (value: string) => [
      "import socket",
      "",
      "def main(settings):",
      `    socket.setdefaulttimeout(${value})`,
    ];
    const lines = (facts?: PackageFacts) => findingLines("pkg/fetch.py", fetch.join("\n"), config, facts);
    const withMain = async (value: string) =>
      packageFacts(
        [
          ["pkg/fetch.py", fetch.join("\n")],
          ["pkg/main.py", main(value).join("\n")],
        ],
        config,
      );
    expect(await lines(await withMain("settings.timeout_s"))).toEqual([]);
    // Putting Python's own default back (`setdefaulttimeout(None)`) bounds nothing.
    expect(await lines(await withMain("None"))).toEqual(["4: no-unbounded-timeout"]);
    // Judged alone, the file sets no default: reported.
    expect(await lines()).toEqual(["4: no-unbounded-timeout"]);
    // Session 49: sonata's launcher imports the setter under another name inside the function that sets it.
    const aliased = [
      "def run(args):",
      "    from socket import setdefaulttimeout as socketsettimeout",
      "    socketsettimeout(5)",
      "",
    ].join("\n");
    const withAliased = await packageFacts(
      [
        ["pkg/fetch.py", fetch.join("\n")],
        ["pkg/launcher.py", aliased],
      ],
      config,
    );
    expect(await lines(withAliased)).toEqual([]);
    // review21 item 2: a constant bound only to None is None too.
    const none = ["import socket", "", "TIMEOUT = None", "socket.setdefaulttimeout(TIMEOUT)", ""].join("\n");
    const withNone = await packageFacts(
      [
        ["pkg/fetch.py", fetch.join("\n")],
        ["pkg/main.py", none],
      ],
      config,
    );
    expect(await lines(withNone)).toEqual(["4: no-unbounded-timeout"]);
    // Session 44: a limit set for one function, which saves the old default and puts it back (DisplayCAL's `download`),
    // bounds only the calls made while it runs, not another module's.
    const scoped = [
      "import socket",
      "",
      "def download(uri):",
      "    old = socket.getdefaulttimeout()",
      "    socket.setdefaulttimeout(20)",
      "    try:",
      "        return _download(uri)",
      "    finally:",
      "        socket.setdefaulttimeout(old)",
    ].join("\n");
    const withScoped = await packageFacts(
      [
        ["pkg/fetch.py", fetch.join("\n")],
        ["pkg/main.py", scoped],
      ],
      config,
    );
    expect(await lines(withScoped)).toEqual(["4: no-unbounded-timeout"]);
  });

  it("has nothing to say about a package without Python files", async () => {
    expect(internalsOf(await packageFacts([["index.js", "setTimeout(f, 0);\n"]], config))?.python).toBeUndefined();
  });
});

describe("org-guard check: each Python file with its package's facts", () => {
  const transport = [
    "import socket",
    "",
    "class Transport:",
    "    def __init__(self, host, timeout=None):",
    "        self.host = host",
    "        self.timeout = timeout",
    "",
    "    def connect(self):",
    "        return socket.create_connection((self.host, 80), timeout=self.timeout)",
    "",
  ].join("\n");
  const client = [
    "from .transport import Transport",
    "",
    "class Client:",
    "    def __init__(self, host, timeout=None):",
    "        self.transport = Transport(host, timeout=timeout)",
    "",
  ].join("\n");

  it("a whole tree: a client's None is judged with the transport of another module", async () => {
    const tree = tempTree({
      "pyproject.toml": "[project]\nname = 'p'\n",
      "p/transport.py": transport,
      "p/client.py": client,
    });
    expect((await findingsOf(tree, ".")).sort()).toEqual([
      "p/client.py:4: no-unbounded-timeout",
      "p/transport.py:4: no-unbounded-timeout",
    ]);
  });

  it("outside a Python project (no pyproject.toml, setup.py or setup.cfg) each file is judged alone", async () => {
    const tree = tempTree({ "p/transport.py": transport, "p/client.py": client });
    expect(await findingsOf(tree, ".")).toEqual(["p/transport.py:4: no-unbounded-timeout"]);
  });

  it("a commit: the staged client is judged with the rest of its package, read from the working tree", async () => {
    const repo = tempRepo({ "setup.py": "from setuptools import setup\nsetup()\n", "p/client.py": client });
    writeFileSync(join(repo, "p/transport.py"), transport);
    git(repo, "add", "p/client.py");
    expect(await findingsOf(repo, "--staged")).toEqual(["p/client.py:4: no-unbounded-timeout"]);
  });

  // `test_waits.py` never names a timeout: only the package's `def wait_for_status(..., timeout=60, ...)` says that
  // its third place is one. The hook must read that definition from the committed module as `check .` does.
  // The corpus's `# expect:` markers would name the word themselves: the module is written without them.
  const positional = (file: string) =>
    readFileSync(join(root, "positional/positional", file), "utf8").replace(/[ \t]*# expect: [a-z-]+/g, "");
  const withBase = () =>
    tempRepo({ "pyproject.toml": "[project]\nname = 'positional'\n", "positional/base.py": positional("base.py") });
  const waitsOn = [
    "positional/test_waits.py:9: no-hardcoded-timeout",
    "positional/test_waits.py:21: no-hardcoded-timeout",
  ];

  it("a commit staging only a test module that calls the package's waits positionally: the hook finds their timeouts", async () => {
    const repo = withBase();
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "base");
    writeFileSync(join(repo, "positional/test_waits.py"), positional("test_waits.py"));
    git(repo, "add", "positional/test_waits.py");
    expect(await findingsOf(repo, "--staged")).toEqual(waitsOn);
  });

  it("the files lint-staged passes (the test module alone) find what `check .` finds in it", async () => {
    const repo = withBase();
    writeFileSync(join(repo, "positional/test_waits.py"), positional("test_waits.py"));
    const whole = (await findingsOf(repo, ".")).filter((line) => line.startsWith("positional/test_waits.py:"));
    expect(whole).toEqual(waitsOn);
    expect(await findingsOf(repo, "positional/test_waits.py")).toEqual(waitsOn);
  });
});
