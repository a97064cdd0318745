import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSource, defaultGuardConfig, packageFacts } from "../src/index.ts";
import { corpusPackage, findingsOf, git, tempRepo, tempTree } from "./helpers.ts";
import { isJavaScript } from "../src/extensions.ts";

// Packages whose waits read settings written in another of their files. In test/corpus/packages/<name>, a trailing
// `expect: <rule>` comment marks each line that must be flagged when the file is checked with its package's facts.
const root = join(import.meta.dirname, "corpus/packages");
const config = defaultGuardConfig(root);

describe("package facts: settings that reach a wait in another file of the package", () => {
  for (const name of readdirSync(root).sort()) {
    const { expected, found, facts } = corpusPackage(root, join(root, name), isJavaScript, config);

    it(`${name}: every expected finding with the package's facts, nothing else`, async () => {
      expect(await found(await facts())).toEqual(expected);
    });

    it(`${name}: judged file by file, the defaults whose wait is elsewhere are missed`, async () => {
      const alone = await found();
      expect(expected.filter((line) => !alone.includes(line)).length).toBeGreaterThan(0);
    });
  }
});

describe("org-guard check: each file with its package's facts", () => {
  const defaults = "module.exports = {\n  socketTimeoutMS: 0,\n};\n";
  const connection = [
    "exports.connect = (socket, options) => {",
    "  if (options.socketTimeoutMS > 0) setTimeout(() => socket.destroy(), options.socketTimeoutMS);",
    "};",
    "",
  ].join("\n");

  it("a whole tree: a default is judged with the waits in the other files of its package", async () => {
    const tree = tempTree({
      "package.json": '{ "name": "driver" }',
      "defaults.js": defaults,
      "connection.js": connection,
    });
    expect(await findingsOf(tree, ".")).toEqual(["defaults.js:2: no-unbounded-timeout"]);
  });

  it("outside any package (no package.json with a name) each file is judged alone", async () => {
    const tree = tempTree({
      "package.json": '{ "type": "module" }',
      "defaults.js": defaults,
      "connection.js": connection,
    });
    expect(await findingsOf(tree, ".")).toEqual([]);
  });

  it("a commit: the staged default is judged with the rest of its package, read from the working tree", async () => {
    const repo = tempRepo({ "pkg/package.json": '{ "name": "driver" }', "pkg/defaults.js": defaults });
    writeFileSync(join(repo, "pkg/connection.js"), connection);
    git(repo, "add", "pkg/defaults.js");
    expect(await findingsOf(repo, "--staged")).toEqual(["pkg/defaults.js:2: no-unbounded-timeout"]);
  });
});

// ts3-nodejs-library (fresh16): `keepAliveTimeout: 250` in the client's defaults and its tests' options, armed in
// another file only by the timer that sends the keep-alive; no-kafka (scout12jsp): `heartbeatTimeout: 100` in tests,
// armed only by the heartbeat that re-arms itself. Schedules, no timeouts. A name some file arms a deadline with stays.
describe("package facts: settings the package arms only schedules with", () => {
  const defaults = [
    "module.exports = {",
    "  readyTimeout: 10000,",
    "  keepAliveTimeout: 250,",
    "  heartbeatTimeout: 1000,",
    "  pongTimeout: 5000,",
    "};",
    "",
  ].join("\n");
  const query = [
    "class Query {",
    "  keepAlive() {",
    "    clearTimeout(this.keepAliveTimer);",
    "    this.keepAliveTimer = setTimeout(",
    "      () => this.sendKeepAlive(),",
    "      this.config.keepAliveTimeout * 1000 - (Date.now() - this.lastcmd),",
    "    );",
    "  }",
    "  heartbeat() {",
    "    return this.client.heartbeatRequest().then(() => {",
    "      this.heartbeatTimer = setTimeout(() => this.heartbeat(), this.config.heartbeatTimeout);",
    "    });",
    "  }",
    "  ping() {",
    "    this.socket.ping();",
    "    this.pongTimer = setTimeout(() => this.socket.destroy(new Error('pong timeout')), this.config.pongTimeout);",
    "  }",
    "}",
    "module.exports = Query;",
    "",
  ].join("\n");
  const files = { "lib/defaults.js": defaults, "lib/query.js": query };
  const facts = () => packageFacts(Object.entries(files), config);
  const lines = async (path: keyof typeof files, withFacts: boolean) =>
    (await checkSource(path, files[path], config, withFacts ? await facts() : undefined)).messages.map((m) => m.line);

  it("the keep-alive's and the heartbeat's names are schedules: their defaults are no timeouts", async () => {
    expect([...(await facts()).inert].sort()).toEqual(["heartbeatTimeout", "keepAliveTimeout"]);
    expect(await lines("lib/defaults.js", true)).toEqual([2, 5]);
  });

  it("judged alone, the defaults file flags them all", async () => {
    expect(await lines("lib/defaults.js", false)).toEqual([2, 3, 4, 5]);
  });

  // @react-native-community/netinfo (fresh399): the reachability check, a class field Babel compiles to
  // `_defineProperty(this, "_check", () => ...)`, arms itself again after the short or the long interval (chosen into a
  // local, or read straight from the configuration); only the request's own timer is a timeout.
  it("a compiled class field that arms itself again: its intervals are schedules, its request timeout is not", async () => {
    const configuration = [
      "module.exports = {",
      "  reachabilityShortTimeout: 5 * 1000,",
      "  reachabilityLongTimeout: 60 * 1000,",
      "  reachabilityRequestTimeout: 15 * 1000,",
      "};",
      "",
    ].join("\n");
    const reachability = [
      "class InternetReachability {",
      "  constructor(configuration) {",
      '    _defineProperty(this, "_check", () => {',
      "      const controller = new AbortController();",
      "      let timer;",
      "      const timedOut = new Promise((_, reject) => {",
      "        timer = setTimeout(() => reject('timedout'), this._configuration.reachabilityRequestTimeout);",
      "      });",
      "      return Promise.race([fetch(this._configuration.reachabilityUrl, { signal: controller.signal }), timedOut])",
      "        .then((reachable) => {",
      "          const nextTimeoutInterval = reachable",
      "            ? this._configuration.reachabilityLongTimeout",
      "            : this._configuration.reachabilityShortTimeout;",
      "          this._handle = setTimeout(this._check, nextTimeoutInterval);",
      "        })",
      "        .catch(() => {",
      "          controller.abort();",
      "          this._handle = setTimeout(this._check, this._configuration.reachabilityShortTimeout);",
      "        })",
      "        .then(() => clearTimeout(timer));",
      "    });",
      "    this._configuration = configuration;",
      "  }",
      "}",
      "module.exports = InternetReachability;",
      "",
    ].join("\n");
    const both = [
      ["lib/defaultConfiguration.js", configuration],
      ["lib/internetReachability.js", reachability],
    ] as const;
    const facts = await packageFacts(both, config);
    expect([...facts.inert].filter((name) => name.startsWith("reachability")).sort()).toEqual([
      "reachabilityLongTimeout",
      "reachabilityShortTimeout",
    ]);
    const result = await checkSource("lib/defaultConfiguration.js", configuration, config, facts);
    expect(result.messages.map((m) => m.line)).toEqual([4]);
  });

  // @okx-dex/okx-dex-sdk (fresh400): a table of chains keyed by their ids, each with a `confirmationTimeout` that no
  // code of the package reads; the same key read anywhere (`network.confirmationTimeout`), or a table keyed by names
  // (a library's options per environment), stays judged.
  it("a key of id-keyed entries that nothing in the package reads bounds nothing", async () => {
    const chains = (key: string) =>
      [
        "class DexAPI {",
        "  constructor() {",
        "    this.networks = {",
        `      "501": { id: "501", ${key}: 60000, maxRetries: 3 },`,
        `      137: { id: "137", ${key}: 60000, maxRetries: 3 },`,
        "    };",
        "    this.clientOptions = { production: { connectTimeout: 5000 }, staging: { connectTimeout: 30000 } };",
        "  }",
        "  network(id) { return this.networks[id]; }",
        "}",
        "module.exports = DexAPI;",
        "",
      ].join("\n");
    // The package: the table with `key` in each chain, and another module that reads the chain's entry.
    const dex = (key: string, reader: string) =>
      tempTree({ "package.json": '{ "name": "dex" }', "dist/dex.js": chains(key), "dist/reader.js": reader });
    const unread = dex("confirmationTimeout", "exports.retries = (api, id) => api.network(id).maxRetries;\n");
    expect(await findingsOf(unread, ".")).toEqual([
      "dist/dex.js:7: no-hardcoded-timeout",
      "dist/dex.js:7: no-hardcoded-timeout",
    ]);
    const read = dex("receiptTimeout", "exports.wait = (api, id) => poll(api.network(id).receiptTimeout);\n");
    expect(await findingsOf(read, ".")).toEqual([
      "dist/dex.js:4: no-hardcoded-timeout",
      "dist/dex.js:5: no-hardcoded-timeout",
      "dist/dex.js:7: no-hardcoded-timeout",
      "dist/dex.js:7: no-hardcoded-timeout",
    ]);
  });

  // redis-semaphore (scout9js): `lockTimeout: 10000` in its defaults, handed to Redis only as the lock key's expiry.
  it("a name the package hands a store only as an entry's expiry is a lifetime", async () => {
    const lock = [
      "module.exports = async function acquire(client, key, id, { lockTimeout, acquireTimeout }) {",
      "  const end = Date.now() + acquireTimeout;",
      "  while (Date.now() < end) if (await client.set(key, id, 'PX', lockTimeout, 'NX')) return true;",
      "  return false;",
      "};",
      "",
    ].join("\n");
    const options = "module.exports = { lockTimeout: 10000, acquireTimeout: 10000 };\n";
    const both = [
      ["lib/acquire.js", lock],
      ["lib/misc.js", options],
    ] as const;
    const facts = await packageFacts(both, config);
    expect([...facts.inert]).toEqual(["lockTimeout"]);
    const result = await checkSource("lib/misc.js", options, config, facts);
    expect(result.messages.map((m) => m.message.slice(0, 40))).toEqual(['Hardcoded timeout 10000 in "acquireTimeo']);
  });

  // moleculer (fresh5): `heartbeatTimeout: 30` armed by the check that runs every so often, which compares how long a
  // node has been silent with the same name: a liveness limit.
  it("a name another file compares an elapsed time with is a bound, whatever timer polls for it", async () => {
    const check = [
      "class Discoverer {",
      "  start() { this.checkTimer = setInterval(() => this.checkRemoteNodes(), this.opts.heartbeatTimeout * 1000); }",
      "  checkRemoteNodes() {",
      "    const now = Math.round(process.uptime());",
      "    for (const node of this.nodes) if (now - node.lastHeartbeatTime > this.opts.heartbeatTimeout) this.lost(node);",
      "  }",
      "}",
      "",
    ].join("\n");
    const more = [...Object.entries(files), ["lib/discoverer.js", check]] as const;
    expect([...(await packageFacts(more, config)).inert]).toEqual(["keepAliveTimeout"]);
  });

  it("a name another file arms a deadline with is no schedule", async () => {
    const more = [
      ...Object.entries(files),
      ["lib/idle.js", "setTimeout(() => conn.destroy(), opts.keepAliveTimeout);\n"],
    ] as const;
    expect([...(await packageFacts(more, config)).inert]).toEqual(["heartbeatTimeout"]);
  });
});

describe("package facts handed to checkSource", () => {
  const defaults = "module.exports = { socketTimeoutMS: 0 };\n";
  const client = [
    "const defaults = require('./defaults');",
    "function connect(options) {",
    "  const o = Object.assign({}, defaults, options);",
    "  return net.connect({ timeout: o.socketTimeoutMS });",
    "}",
    "",
  ].join("\n");

  it("facts built by hand with the public fields only are used as they are", async () => {
    const facts = { zero: new Set(["socketTimeoutMS"]), infinite: new Set<string>(), inert: new Set<string>() };
    const { messages } = await checkSource("lib/defaults.js", defaults, config, facts);
    expect(messages.map((m) => m.ruleId)).toEqual(["no-unbounded-timeout"]);
  });

  it("a hand-built `internal` is refused with ORG_GUARD_FACTS and what to do, not a TypeError", async () => {
    const facts = {
      zero: new Set<string>(),
      infinite: new Set<string>(),
      inert: new Set<string>(),
      internal: { tables: {} },
    };
    await expect(checkSource("lib/client.js", client, config, facts)).rejects.toMatchObject({
      name: "GuardError",
      code: "ORG_GUARD_FACTS",
      message: expect.stringContaining("pass the object packageFacts() returned"),
    });
  });

  it("the facts packageFacts built still check after a structured clone (how they reach worker threads)", async () => {
    const { expected, found, facts } = corpusPackage(root, join(root, "merged-table"), isJavaScript, config);
    const built = await facts();
    expect(built.internal).toBeDefined(); // the defaults table the client merges
    expect(await found(structuredClone(built))).toEqual(expected);
  });
});
