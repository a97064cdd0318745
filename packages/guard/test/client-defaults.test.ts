import { describe, expect, it } from "vitest";
import { checkSource, defaultGuardConfig, packageFacts } from "../src/index.ts";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { findingLines, findingsOf, git, tempRepo, tempTree } from "./helpers.ts";

// HTTP clients whose default is no timeout (session 28, guard-axios28b): axios (`timeout` defaults to 0, "no timeout
// is created") and node-fetch (no deadline without a `signal` or its `timeout` option), known by their import and
// called without a timeout, are reported as Python's `requests.get(url)` is. Node's own `fetch`, a config the file
// cannot read, a default set elsewhere in the package and test files stay silent.

const config = defaultGuardConfig(process.cwd());

describe("an HTTP client whose default is no timeout, called without one", () => {
  it("reads a config held in a local named only where it is declared and handed over (node-twitch's built code)", async () => {
    const source = [
      'const node_fetch_1 = __importDefault(require("node-fetch"));',
      "function refresh(url, refreshData) {",
      '  const options = { method: "POST", body: JSON.stringify(refreshData), headers: { a: "b" } };',
      "  return (0, node_fetch_1.default)(url, options);",
      "}",
      "function bounded(url) {",
      '  const options = { method: "GET" };',
      "  options.signal = AbortSignal.timeout(config.TIMEOUT);",
      "  return (0, node_fetch_1.default)(url, options);",
      "}",
      "function handed(url, extra) {",
      '  const options = { method: "GET", ...extra };',
      "  return (0, node_fetch_1.default)(url, options);",
      "}",
    ].join("\n");
    expect(await findingLines("dist/index.js", source)).toEqual(["4: no-unbounded-timeout"]);
  });

  it("reports axios' own methods, axios(config) and node-fetch without a timeout", async () => {
    const source = [
      'import axios from "axios";',
      'const fetch = require("node-fetch");',
      "export async function load(url, body) {",
      "  await axios.get(url);",
      '  await axios.post(url, body, { headers: { a: "b" } });',
      '  await axios({ method: "get", url });',
      "  return fetch(url);",
      "}",
    ].join("\n");
    expect(await findingLines("src/load.js", source)).toEqual([
      "4: no-unbounded-timeout",
      "5: no-unbounded-timeout",
      "6: no-unbounded-timeout",
      "7: no-unbounded-timeout",
    ]);
    const [first] = (await checkSource("src/load.js", source, config)).messages;
    expect(first!.message).toMatch(/^axios\.get\(\) has no timeout.*axios's default timeout is 0: none/);
  });

  it("reports cross-fetch and isomorphic-unfetch, node-fetch on Node, as node-fetch, naming the package", async () => {
    const source = [
      'const cross_fetch_1 = require("cross-fetch");',
      'import { fetch as crossFetch } from "cross-fetch";',
      'import unfetch from "isomorphic-unfetch";',
      "export async function keepAlive(host, cookie) {",
      '  await (0, cross_fetch_1.default)(host, { method: "GET", headers: { cookie } });',
      "  await crossFetch(host);",
      '  await unfetch(host, { method: "POST" });',
      "  return unfetch(host, { signal: AbortSignal.timeout(config.TIMEOUT) });",
      "}",
    ].join("\n");
    expect(await findingLines("dist/proxy.js", source)).toEqual([
      "5: no-unbounded-timeout",
      "6: no-unbounded-timeout",
      "7: no-unbounded-timeout",
    ]);
    const messages = (await checkSource("dist/proxy.js", source, config)).messages.map((m) => m.message);
    expect(messages[0]).toMatch(/^fetch\(\) from cross-fetch has no timeout or signal/);
    expect(messages[2]).toMatch(/^fetch\(\) from isomorphic-unfetch has no timeout or signal/);
  });

  it("takes an agent handed to node-fetch for one that may bound the socket, unless made in place without a timeout", async () => {
    // @databricks/sql: `agent: await connectionProvider.getAgent()`, an agent made with the client's socketTimeout.
    const source = [
      'const nodeFetch = require("node-fetch");',
      'const https = require("https");',
      "exports.download = async (url, provider) => {",
      "  const agent = await provider.getAgent();",
      '  return nodeFetch(url, { method: "GET", agent });',
      "};",
      "exports.insecure = (url) => nodeFetch(url, { agent: new https.Agent({ rejectUnauthorized: false }) });",
      "exports.bounded = (url) => nodeFetch(url, { agent: new https.Agent({ timeout: config.TIMEOUT }) });",
      // A proxy's agent routes the request and sets no timeout (mindconnect's `this._proxyHttpAgent`, prisma's).
      "exports.proxied = (url, proxy) => nodeFetch(url, { agent: new HttpsProxyAgent(proxy) });",
      "exports.viaProxy = (url) => nodeFetch(url, { agent: getProxyAgent(url) });",
      "exports.kept = function (url) { return nodeFetch(url, { agent: this._proxyHttpAgent }); };",
      "exports.handed = function (url) { return nodeFetch(url, { agent: this.agent }); };",
      // Held in a local named nowhere else: the module's (a BackstopJS engine script) or the function's.
      "const insecureAgent = new https.Agent({ rejectUnauthorized: false });",
      "exports.refetch = (url) => nodeFetch(url, { method: 'GET', agent: insecureAgent });",
      "exports.graphql = (url, proxy) => {",
      "  const agent = typeof proxy === 'undefined' ? null : new HttpsProxyAgent(proxy);",
      "  return nodeFetch(url, { agent, method: 'POST' });",
      "};",
    ].join("\n");
    expect(await findingLines("dist/session.js", source)).toEqual([
      "7: no-unbounded-timeout",
      "9: no-unbounded-timeout",
      "10: no-unbounded-timeout",
      "11: no-unbounded-timeout",
      "14: no-unbounded-timeout",
      "17: no-unbounded-timeout",
    ]);
  });

  it("keeps calls with a timeout, a signal, a config it cannot read, Node's own fetch and another fetch silent", async () => {
    const source = [
      'import axios from "axios";',
      "export async function load(url, body, options, request) {",
      "  await axios.get(url, { timeout: config.TIMEOUT });",
      "  await axios.get(url, { signal: AbortSignal.timeout(config.TIMEOUT) });",
      "  await axios.get(url, options);",
      "  await axios(options);",
      "  await axios.post(url, body, { ...options });",
      "  await fetch(url);",
      "  return axios.get(url, request.config);",
      "}",
    ].join("\n");
    expect(await findingLines("src/load.js", source)).toEqual([]);
  });

  it("reports an instance made without a timeout once, at axios.create, called here or kept for other modules", async () => {
    const made = [
      'const axios = require("axios");',
      'const api = axios.create({ baseURL: "https://example.org" });',
      "exports.user = (id) => api.get(`/users/${id}`);",
      "exports.save = (user) => api.post('/users', user);",
    ];
    expect(await findingLines("lib/api.js", made.join("\n"))).toEqual(["2: no-unbounded-timeout"]);
    const bounded = [
      ...made.slice(0, 3),
      "exports.save = (user) => api.post('/users', user, { timeout: config.TIMEOUT });",
    ];
    expect(await findingLines("lib/api.js", bounded.join("\n"))).toEqual([]);
    // @stellar/typescript-wallet-sdk's `export const DefaultClient = axios.create({ headers })`, a client kept on
    // `this` behind a getter (@memberjunction's `this._axiosInstance`): every request through them is unbounded.
    const exported = ['const axios = require("axios");', "module.exports = axios.create({ baseURL: 'x' });"];
    expect(await findingLines("lib/api.js", exported.join("\n"))).toEqual(["2: no-unbounded-timeout"]);
    const kept = [
      'import axios from "axios";',
      "export class Social {",
      "  get http() {",
      '    if (!this._http) this._http = axios.create({ baseURL: "https://graph.example.org" });',
      "    return this._http;",
      "  }",
      "}",
    ];
    expect(await findingLines("lib/social.js", kept.join("\n"))).toEqual(["4: no-unbounded-timeout"]);
  });

  it("reads the calls of an instance named axios as the instance's (@blocklet/sdk, @elestio/cloudgate)", async () => {
    const made = [
      'const Axios = require("axios");',
      "const axios = Axios.create({ proxy: false });",
      "exports.send = (url, body) => axios.post(url, body, { timeout: config.TIMEOUT });",
    ];
    expect(await findingLines("lib/send.js", made.join("\n"))).toEqual([]);
    const unbounded = made.with(2, "exports.send = (url, body) => axios.post(url, body);");
    expect(await findingLines("lib/send.js", unbounded.join("\n"))).toEqual(["2: no-unbounded-timeout"]);
    // Session 50, blind set fresh183: unofficial-jisho-api's `const axios = axiosBuilder.create({ timeout: 10000 })`,
    // then bare `axios.get(uri)` calls: every one goes through the instance's timeout.
    const timed = [
      'import axiosBuilder from "axios";',
      "const axios = axiosBuilder.create({ timeout: config.TIMEOUT });",
      "export const search = (uri) => axios.get(uri).then((response) => response.data);",
    ];
    expect(await findingLines("index.js", timed.join("\n"))).toEqual([]);
  });

  it("takes an agent handed in as a possible bound, and one made in place without a timeout as none", async () => {
    // defender-base-client's `createApi(key, token, apiUrl, httpsAgent)`: the caller's agent may time sockets out.
    const handed = [
      'import axios from "axios";',
      "export const createApi = (url, httpsAgent) => axios.create({ baseURL: url, httpsAgent });",
    ];
    expect(await findingLines("lib/api.js", handed.join("\n"))).toEqual([]);
    // node-hue-api's `{ httpsAgent: new https.Agent({ rejectUnauthorized: false }) }`.
    const inPlace = [
      'import axios from "axios";',
      'import https from "node:https";',
      "export const bridge = (url) => axios.get(url, { httpsAgent: new https.Agent({ rejectUnauthorized: false }) });",
      "export const timed = (url) => axios.get(url, { httpsAgent: new https.Agent({ timeout: config.TIMEOUT }) });",
    ];
    expect(await findingLines("lib/bridge.js", inPlace.join("\n"))).toEqual(["3: no-unbounded-timeout"]);
  });

  it("reads a request interceptor written in place: one that only adds headers bounds nothing", async () => {
    // coda-ticket-manager-mcp: the token is injected per request, and a rate-limited request is sent again with its
    // own config (`codaClient(error.config)`), neither of which sets a timeout.
    const made = [
      'import axios from "axios";',
      'const coda = axios.create({ baseURL: "https://coda.io/apis/v1/" });',
      "coda.interceptors.request.use((config) => {",
      "  config.headers.Authorization = `Bearer ${token()}`;",
      "  return config;",
      "});",
      "coda.interceptors.response.use((r) => r, async (error) => {",
      "  await new Promise((resolve) => setTimeout(resolve, 6000));",
      "  return coda(error.config);",
      "});",
      "export const rows = (doc) => coda.get(`docs/${doc}/rows`);",
    ];
    expect(await findingLines("lib/coda.js", made.join("\n"))).toEqual(["2: no-unbounded-timeout"]);
    const setsTimeout = made.with(3, "  config.timeout = settings.timeout;");
    expect(await findingLines("lib/coda.js", setsTimeout.join("\n"))).toEqual([]);
    // An interceptor handed by name may set one: the file cannot tell.
    const named = [...made.slice(0, 2), "coda.interceptors.request.use(withDeadline);", made.at(-1)!];
    expect(await findingLines("lib/coda.js", named.join("\n"))).toEqual([]);
  });

  it("stays silent where the package sets a default timeout or a test fakes the HTTP layer", async () => {
    const call = 'const axios = require("axios");\nexports.load = (url) => axios.get(url);\n';
    const defaults = 'const axios = require("axios");\naxios.defaults.timeout = 30000;\n';
    const facts = await packageFacts(
      [
        ["lib/load.js", call],
        ["lib/setup.js", defaults],
      ],
      config,
    );
    expect((await checkSource("lib/load.js", call, config, facts)).messages).toEqual([]);
    expect(await findingLines("lib/load.js", call)).toEqual(["2: no-unbounded-timeout"]);
    const test = `${call}const nock = require("nock");\nit("loads", async () => { await exports.load("u"); });\n`;
    expect(await findingLines("test/load.test.js", test)).toEqual([]);
    // A helper under a tests folder (@ledgerhq/hw-app-btc's `tests/speculosclient.ts`): the runner's timeout bounds it.
    expect(await findingLines("tests/client.ts", call)).toEqual([]);
  });

  it("an axios default bounds only axios: node-fetch and cross-fetch requests of the package stay reported", async () => {
    // @mindconnect/mindconnect-nodejs: a bundle assigns a client's `.defaults`; the CLI's keep-alive uses cross-fetch.
    const fetches = [
      'const axios = require("axios");',
      'const crossFetch = require("cross-fetch");',
      'const nodeFetch = require("node-fetch");',
      "exports.load = (url) => axios.get(url);",
      'exports.keepAlive = (host) => crossFetch(host, { method: "GET" });',
      "exports.ping = (host) => nodeFetch(host);",
    ].join("\n");
    const defaults = 'const axios = require("axios");\naxios.defaults.timeout = 30000;\n';
    const facts = await packageFacts(
      [
        ["lib/cli.js", fetches],
        ["lib/setup.js", defaults],
      ],
      config,
    );
    const lines = (await checkSource("lib/cli.js", fetches, config, facts)).messages.map((m) => m.line);
    expect(lines).toEqual([5, 6]);
    // A timer that aborts in the file may bound any client's request.
    const aborting = `${fetches}\nconst ac = new AbortController();\nsetTimeout(() => ac.abort(), config.TIMEOUT);\n`;
    expect(await findingLines("lib/cli.js", aborting)).toEqual([]);
  });
});

// Session 30 (guard-tidy30): `org-guard check` and the commit hook build the package's facts the way `packageFacts`
// does, so a default set in one file bounds the requests of another there too (the evaluation and the CLI agree).
// Session 44: got and request set no timeout either (@serverless/utils-china's `got.post(url)`, js-owncloud-client's
// `request(options, cb)`: labelled real, missed until now). Only calls of the imported module are judged.
describe("got and request, called without a timeout", () => {
  it("are reported when every argument is a URL, a callback or options written in place without a timeout", async () => {
    const source = [
      'import got from "got";',
      'const request = require("request");',
      "export const a = (url) => got.post(url, { json: {} });",
      "export const b = (uri, cb) => request({ uri, method: 'GET' }, cb);",
      "export const c = (url) => got(url);",
      "export const d = (url) => got(url, { timeout: { request: config.TIMEOUT } });",
      "export const e = (uri, done) => request({ uri, timeout: config.TIMEOUT }, done);",
      "export const f = (options) => got(options);",
      "export const g = (url) => got.stream(url);",
    ];
    expect(await findingLines("src/client.js", source.join("\n"))).toEqual([
      "3: no-unbounded-timeout",
      "4: no-unbounded-timeout",
      "5: no-unbounded-timeout",
    ]);
  });

  it("are not judged under a name the file does not import, nor in a file that fakes the HTTP layer", async () => {
    const local = ["const request = supertest(app);", "export const a = (url) => request({ url }, () => {});"];
    expect(await findingLines("src/local.js", local.join("\n"))).toEqual([]);
    // mailchimp-api-v3: a function of the file declares its own `request` (a poll), so the name is not only the module's.
    const shadowed = [
      'var request = require("request");',
      "function poll(url, done) {",
      "  var request = function () { setTimeout(request, 1000); };",
      "  request();",
      "}",
      "export const b = (url) => request.get({ url }, () => {});",
    ];
    expect(await findingLines("src/shadowed.js", shadowed.join("\n"))).toEqual([]);
    const mocked = ['import got from "got";', 'import nock from "nock";', "export const a = (url) => got(url);"];
    expect(await findingLines("src/mocked.js", mocked.join("\n"))).toEqual([]);
  });

  it("say what to pass in their message", async () => {
    const source = ['import got from "got";', "export const a = (url) => got.post(url);"].join("\n");
    const [message] = (await checkSource("src/a.js", source, config)).messages;
    expect(message?.message).toContain("got.post() from got has no timeout");
    expect(message?.message).toContain("{ timeout: { request: config.TIMEOUT } }");
  });
});

describe("org-guard check: a client default set in another file of the package", () => {
  const call = 'const axios = require("axios");\nexports.load = (url) => axios.get(url);\n';
  const defaults = 'const axios = require("axios");\naxios.defaults.timeout = Number(process.env.HTTP_TIMEOUT);\n';
  const other = 'exports.name = "client";\n';

  it("a whole tree: axios.get(url) is bounded by axios.defaults.timeout in another file; without it, reported", async () => {
    const bounded = tempTree({ "package.json": '{ "name": "client" }', "lib/load.js": call, "lib/setup.js": defaults });
    expect(await findingsOf(bounded, ".")).toEqual([]);
    const unbounded = tempTree({ "package.json": '{ "name": "client" }', "lib/load.js": call, "lib/setup.js": other });
    expect(await findingsOf(unbounded, ".")).toEqual(["lib/load.js:2: no-unbounded-timeout"]);
  });

  it("a default set in another package of the tree bounds nothing here", async () => {
    const tree = tempTree({
      "a/package.json": '{ "name": "a" }',
      "a/load.js": call,
      "b/package.json": '{ "name": "b" }',
      "b/setup.js": defaults,
    });
    expect(await findingsOf(tree, ".")).toEqual(["a/load.js:2: no-unbounded-timeout"]);
  });

  it("a commit staging only the request: the default is read from the rest of the package", async () => {
    const repo = tempRepo({ "pkg/package.json": '{ "name": "client" }', "pkg/load.js": call });
    writeFileSync(join(repo, "pkg/setup.js"), defaults);
    git(repo, "add", "pkg/load.js");
    expect(await findingsOf(repo, "--staged")).toEqual([]);
    writeFileSync(join(repo, "pkg/setup.js"), other);
    expect(await findingsOf(repo, "--staged")).toEqual(["pkg/load.js:2: no-unbounded-timeout"]);
  });
});
