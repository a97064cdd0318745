import { describe, expect, it } from "vitest";
import { packageFindings } from "./helpers.ts";

// Session 38 (issue 9), from blind set fresh94: the Stainless-generated `@snagsolutions/sdk` declares
// `static DEFAULT_TIMEOUT = 60000` on its client (compiled to `SnagSolutions.DEFAULT_TIMEOUT = 60000;`) while its
// constructor passes its own literal. No file of the package names the static again: it bounds nothing there.

const source = [
  "export class SnagSolutions extends Core {",
  "  constructor(options = {}) {",
  "    super({ timeout: options.timeout ?? 60000 });",
  "  }",
  "",
  "  static DEFAULT_TIMEOUT = 60000;",
  "}",
].join("\n");
const compiled = [
  '"use strict";',
  "class SnagSolutions extends Core {",
  "  constructor(options = {}) {",
  "    super({ timeout: options.timeout ?? 60000 });",
  "  }",
  "}",
  "exports.SnagSolutions = SnagSolutions;",
  "SnagSolutions.DEFAULT_TIMEOUT = 60000; // 1 minute",
].join("\n");
const declarations = [
  "export declare class SnagSolutions extends Core {",
  "  constructor(options?: ClientOptions);",
  "  static DEFAULT_TIMEOUT: number;",
  "}",
].join("\n");

describe("a class's static timeout that no file of the package reads", () => {
  it("is not reported, in the TypeScript source or the compiled copy; the constructor's literal is", async () => {
    const files = { "src/index.ts": source, "index.js": compiled, "index.d.ts": declarations };
    expect(await packageFindings(files)).toEqual([
      "index.js:4: no-hardcoded-timeout",
      "src/index.ts:3: no-hardcoded-timeout",
    ]);
  });

  it("is reported when a file reads it through the class", async () => {
    const reader = [
      "import { SnagSolutions } from './index.js';",
      "export const limit = SnagSolutions.DEFAULT_TIMEOUT;",
    ];
    const files = { "src/index.ts": source, "index.js": compiled, "src/limit.ts": reader.join("\n") };
    expect(await packageFindings(files)).toEqual([
      "index.js:4: no-hardcoded-timeout",
      "index.js:8: no-hardcoded-timeout",
      "src/index.ts:3: no-hardcoded-timeout",
      "src/index.ts:6: no-hardcoded-timeout",
    ]);
  });

  it("is reported when the file is judged alone (nothing is known to be unread)", async () => {
    expect(await packageFindings({ "src/index.ts": source }, undefined, false)).toEqual([
      "src/index.ts:3: no-hardcoded-timeout",
      "src/index.ts:6: no-hardcoded-timeout",
    ]);
  });

  it("is reported when it is set on an object the file does not declare (another library reads it)", async () => {
    const foreign = ["import Bluebird from 'bluebird';", "Bluebird.DEFAULT_TIMEOUT = 5000;"].join("\n");
    expect(await packageFindings({ "setup.js": foreign })).toEqual(["setup.js:2: no-hardcoded-timeout"]);
  });
});

// Session 38 (issue 9), from blind set fresh101 and 40 earlier labels (@libp2p/tcp, @vtex/api, botbuilder-core,
// @qified/redis): a module's exported constant that no file of the package imports or reads bounds nothing there.
describe("an exported timeout that no file of the package reads", () => {
  const constants = ["export const CLOSE_TIMEOUT = 500;", "export const SOCKET_TIMEOUT = 2 * 60 * 1000;"].join("\n");
  const compiled = [
    '"use strict";',
    'Object.defineProperty(exports, "__esModule", { value: true });',
    "exports.SOCKET_TIMEOUT = exports.CLOSE_TIMEOUT = void 0;",
    "exports.CLOSE_TIMEOUT = 500;",
    "exports.SOCKET_TIMEOUT = 2 * 60 * 1000;",
  ].join("\n");
  const index = [
    '"use strict";',
    'const constants_1 = require("./constants.js");',
    'Object.defineProperty(exports, "CLOSE_TIMEOUT", { enumerable: true, get: function () { return constants_1.CLOSE_TIMEOUT; } });',
  ].join("\n");
  const declarations = "export declare const CLOSE_TIMEOUT = 500;\nexport declare const SOCKET_TIMEOUT: number;";

  it("is not reported in the source, the compiled module, its re-export or its declarations", async () => {
    const files = {
      "src/constants.ts": constants,
      "dist/constants.js": compiled,
      "dist/index.js": index,
      "dist/constants.d.ts": declarations,
    };
    expect(await packageFindings(files)).toEqual([]);
  });

  it("is reported where a module of the package imports and reads it", async () => {
    const socket = [
      "import { SOCKET_TIMEOUT } from './constants.js';",
      "export function listen(socket) {",
      "  socket.setTimeout(SOCKET_TIMEOUT);",
      "}",
    ].join("\n");
    expect(await packageFindings({ "src/constants.ts": constants, "src/socket.ts": socket })).toEqual([
      "src/constants.ts:2: no-hardcoded-timeout",
    ]);
  });

  it("is not reported when exported under another name and unread (@qified/redis)", async () => {
    const esm = [
      "const defaultTimeout = 3e4;",
      "class RedisTaskProvider {",
      "  constructor(options = {}) {",
      "    this._timeout = options.timeout ?? 3e4;",
      "  }",
      "  get timeout() { return this._timeout; }",
      "}",
      "export { RedisTaskProvider, defaultTimeout as defaultTaskTimeout };",
    ].join("\n");
    const cjs = ["const defaultTimeout = 3e4;", "exports.defaultTaskTimeout = defaultTimeout;"].join("\n");
    expect(await packageFindings({ "dist/index.mjs": esm, "dist/index.cjs": cjs })).toEqual([
      "dist/index.mjs:4: no-hardcoded-timeout",
    ]);
  });

  it("is reported in a classic script, whose top-level names are globals other scripts read", async () => {
    expect(await packageFindings({ "public/app.js": "var LOAD_TIMEOUT = 5000;\nstart();" })).toEqual([
      "public/app.js:1: no-hardcoded-timeout",
    ]);
  });
});

// Session 50 (issue 9), from blind set fresh170: @plaited/agent-eval-harness exports `DEFAULT_PROTOCOL_TIMEOUT = 30000`
// and only its own spec reads it, in `expect(DEFAULT_PROTOCOL_TIMEOUT).toBe(30000)`. An import list names it and an
// assertion compares it; neither waits.
describe("an exported timeout that only an import list and an assertion mention", () => {
  const constants = "export const DEFAULT_PROTOCOL_TIMEOUT = 30000;\nexport const DEFAULT_CLIENT_NAME = 'harness';";
  const spec = [
    "import { DEFAULT_CLIENT_NAME, DEFAULT_PROTOCOL_TIMEOUT } from '../constants.ts';",
    "test('DEFAULT_PROTOCOL_TIMEOUT is 30 seconds', () => {",
    "  expect(DEFAULT_PROTOCOL_TIMEOUT).toBe(30000);",
    "});",
  ].join("\n");
  const compiledSpec = [
    '"use strict";',
    'const { DEFAULT_PROTOCOL_TIMEOUT } = require("../constants.js");',
    "assert.strictEqual(DEFAULT_PROTOCOL_TIMEOUT, 30000);",
  ].join("\n");

  it("is not reported, with the spec in either module form", async () => {
    expect(await packageFindings({ "src/constants.ts": constants, "src/tests/constants.spec.ts": spec })).toEqual([]);
    expect(await packageFindings({ "src/constants.ts": constants, "test/constants.test.js": compiledSpec })).toEqual(
      [],
    );
  });

  it("is reported when the importing file also hands it to a wait", async () => {
    const waits = `${spec}\nawait client.connect({ timeout: DEFAULT_PROTOCOL_TIMEOUT });`;
    expect(await packageFindings({ "src/constants.ts": constants, "src/tests/constants.spec.ts": waits })).toEqual([
      "src/constants.ts:1: no-hardcoded-timeout",
    ]);
  });

  it("is reported when the import renames it (the new name is not followed)", async () => {
    const renamed = "import { DEFAULT_PROTOCOL_TIMEOUT as limit } from '../constants.ts';\nexpect(limit).toBe(30000);";
    expect(await packageFindings({ "src/constants.ts": constants, "src/tests/limit.spec.ts": renamed })).toEqual([
      "src/constants.ts:1: no-hardcoded-timeout",
    ]);
  });
});

// Session 53 (issue 9), from blind sets fresh243 (mcp-test-client's `DEFAULT_CONFIG`) and fresh244 (@ws-kit/core's
// `DEFAULTS`): a defaults table the package exports and no module of it imports. No file reads the table, so none
// reads its timeouts; once a module reads it, its entries are judged as before.
describe("a defaults table that no file of the package reads", () => {
  const table = [
    "export const DEFAULT_CONFIG = {",
    "  serverStartTimeout: 5000,",
    "  retryDelay: 1000,",
    "  toolCallTimeout: 10000,",
    "};",
  ].join("\n");
  const cjs = ['"use strict";', "exports.DEFAULTS = {", "  HEARTBEAT_TIMEOUT_MS: 5_000,", "};"].join("\n");

  it("is not reported, as an ES module export or a CommonJS one", async () => {
    expect(await packageFindings({ "dist/config/defaultConfig.js": table, "dist/constants.js": cjs })).toEqual([]);
  });

  it("is reported when a module of the package imports it", async () => {
    const client = [
      "import { DEFAULT_CONFIG } from './config/defaultConfig.js';",
      "export function start(server) {",
      "  return server.start({ ...DEFAULT_CONFIG });",
      "}",
    ].join("\n");
    expect(await packageFindings({ "dist/config/defaultConfig.js": table, "dist/client.js": client })).toEqual([
      "dist/config/defaultConfig.js:2: no-hardcoded-timeout",
      "dist/config/defaultConfig.js:4: no-hardcoded-timeout",
    ]);
  });

  it("is reported when the file is judged alone, and when the table's name says nothing of defaults", async () => {
    expect(await packageFindings({ "dist/config/defaultConfig.js": table }, undefined, false)).toEqual([
      "dist/config/defaultConfig.js:2: no-hardcoded-timeout",
      "dist/config/defaultConfig.js:4: no-hardcoded-timeout",
    ]);
    const config = table.replace("DEFAULT_CONFIG", "config");
    expect(await packageFindings({ "pages/api/run.js": config })).toEqual([
      "pages/api/run.js:2: no-hardcoded-timeout",
      "pages/api/run.js:4: no-hardcoded-timeout",
    ]);
  });
});

// Session 60 (issue 9), from blind set fresh339 (pangea-node-sdk): a config class's instance field
// (`requestTimeout = 5e3`) that no file of the package reads, through an instance or otherwise, bounds nothing there.
// A field named `timeout` is what a client library reads off any options object it is handed: still reported.
describe("a class's instance timeout field that no file of the package reads", () => {
  const config = [
    "export class PangeaConfig {",
    '  domain = "aws.us.pangea.cloud";',
    "  requestRetries = 3;",
    "  requestTimeout = 5e3;",
    "  timeout = 10e3;",
    "  constructor(options = {}) {",
    "    Object.assign(this, options);",
    "  }",
    "}",
  ].join("\n");
  const client = [
    "import { PangeaConfig } from './config.js';",
    "export const config = new PangeaConfig();",
    "export const retries = config.requestRetries;",
  ].join("\n");

  it("is not reported; a bare `timeout` field is", async () => {
    expect(await packageFindings({ "config.js": config, "client.js": client })).toEqual([
      "config.js:5: no-hardcoded-timeout",
    ]);
  });

  it("is reported when a file reads it off an instance", async () => {
    const reader = `${client}\nexport const limit = config.requestTimeout;`;
    expect(await packageFindings({ "config.js": config, "client.js": reader })).toEqual([
      "config.js:4: no-hardcoded-timeout",
      "config.js:5: no-hardcoded-timeout",
    ]);
  });
});

// Session 61 (issue 9), from blind set fresh363: amazon-dax-client's cluster sets `this._healthCheckTimeout` in its
// constructor (and declares the field) and no code reads it again.
describe("a private field set on `this` that no file of the package reads", () => {
  const cluster = [
    "export class Cluster {",
    "  _healthCheckTimeout;",
    "  constructor(config) {",
    "    this._connectTimeout = config.connectTimeout || 1e4;",
    "    this._healthCheckTimeout = config.healthCheckTimeout || 1e3;",
    "    this.requestTimeout = config.requestTimeout || 6e4;",
    "  }",
    "  connect() {",
    "    return open(this._connectTimeout);",
    "  }",
    "}",
  ].join("\n");

  it("is not reported; a field read again, or a public one a base class may read, is", async () => {
    expect(await packageFindings({ "src/cluster.js": cluster })).toEqual([
      "src/cluster.js:4: no-hardcoded-timeout",
      "src/cluster.js:6: no-hardcoded-timeout",
    ]);
  });

  it("is reported when another file reads it", async () => {
    const files = { "src/cluster.js": cluster, "src/health.js": "export const t = (c) => c._healthCheckTimeout;" };
    expect(await packageFindings(files)).toEqual([
      "src/cluster.js:4: no-hardcoded-timeout",
      "src/cluster.js:5: no-hardcoded-timeout",
      "src/cluster.js:6: no-hardcoded-timeout",
    ]);
  });
});

// Session 61: an unread definition's value is unread with it, but not a function's body: an exported helper that no
// file of the package calls still bounds its callers' waits.
describe("an exported timeout helper that no file of the package calls", () => {
  it("keeps the waits inside it reported", async () => {
    const helper = [
      "export const withTimeout = (promise, ms = 3000) =>",
      "  Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);",
    ].join("\n");
    expect(await packageFindings({ "src/with-timeout.js": helper })).toEqual([
      "src/with-timeout.js:1: no-hardcoded-timeout",
    ]);
  });
});
