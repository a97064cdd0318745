// Tests whose HTTP transport is a double: a request the code under test makes reaches a mock, so a timeout the test
// hands it (`zeroBounceSDK.validateEmail(email, { timeout: 10 })` after `jest.spyOn(global, "fetch")`, `new Ky({
// timeout: 5000 })` under `vi.mock("ky")`, octokit's `request("GET /", { request: { timeout: 100, fetch: mock } })`)
// bounds no wait. Python's twin is `http-mocked-tests.ts`. Only the object arguments of calls and constructions are
// set aside, not those of the test runner's or a wait's own calls (`it(..., 10000)`, `waitFor(fn, { timeout })`).
import { type EsNode, propertyName, span, unwrap } from "./ast.ts";
import { DOUBLE_NAME } from "./doubles.ts";
import { calleeName } from "./sleeps.ts";
import { TEST_FILE } from "./test-folders.ts";

/**
 * The HTTP client modules a test may mock whole (`jest.mock("axios")`, `vi.mock("ky", ...)`), and the package's own
 * module named for its transport (@gladiaio/sdk's `vi.mock('./iso-fetch.js', () => ({ initFetch: vi.fn() }))`, its
 * `./iso-ws.js`): the file's last path segment says fetch, http, ws, websocket or socket.
 */
const HTTP_MODULE =
  /\b(?:jest|vi)\.(?:do)?[mM]ock\s*\(\s*['"`](?:axios|ky|node-fetch|cross-fetch|isomorphic-fetch|isomorphic-unfetch|got|undici|superagent|request|needle|whatwg-fetch|\.{1,2}\/(?:[^'"`\n]*\/)?[\w.-]*(?:fetch|[Hh]ttp|(?<![a-z])ws|[Ww]eb[Ss]ocket|[Ss]ocket)[\w.-]*)['"`]/;
/**
 * The runtime's fetch replaced: a spy, a mock function or a double's name assigned (@zoralabs/coins-sdk's `const
 * mockFetch = vi.fn(); global.fetch = mockFetch`, fresh230), `vi.stubGlobal("fetch", ...)`, or a fetch-mock library.
 */
const FETCH_DOUBLE =
  /\bspyOn\s*\(\s*(global|globalThis|window|self)\s*,\s*['"`]fetch['"`]|\b(global|globalThis|window|self)\.fetch\s*=\s*(?:(jest|vi)\.fn\b|[\w$]*(?:fake|mock|stub|Fake|Mock|Stub)[\w$]*\b)|\bstubGlobal\s*\(\s*['"`]fetch['"`]|['"`](fetch-mock|jest-fetch-mock|vitest-fetch-mock)['"`]/;
/** The HTTP client packages a test may import and stub a request method of (`vi.spyOn(axios, "request")`). */
const HTTP_CLIENTS = "axios|ky|got|node-fetch|cross-fetch|undici|superagent|needle";
/** `vi.spyOn(axios, "request")`, `jest.spyOn(client, "get")`: the name spied on, and the method. */
const SPIED_METHOD =
  /\bspyOn\s*\(\s*([A-Za-z_$][\w$]*)\s*,\s*['"`](request|get|post|put|patch|delete|head|fetch)['"`]\s*\)/g;
/** What replaces a spied method's behaviour: without one, a spy calls through to the real request. */
const MOCKED_BEHAVIOUR = "mock(?:Implementation|ResolvedValue|RejectedValue|ReturnValue)(?:Once)?\\s*\\(";

/** Calls whose own options do bound a wait, or that run the test: their objects stay judged. */
const OWN_WAITS =
  /^(it|test|describe|suite|specify|before\w*|after\w*|wait\w*|poll\w*|until|retry\w*|setTimeout|setInterval|setConfig|configure|expect\w*)$/;
/** A test that expects its request to time out: its tiny timeout is meant to fire against the double's delay. */
const EXPECTS_TIMEOUT =
  /timed out|Request timeout|TimeoutError|AbortError|ETIMEDOUT|ECONNABORTED|\.rejects\b|\.toThrow|aborted/;
/** A double made in place (`jest.fn()`, `vi.fn(...)`, `sinon.stub()`); a named one is `doubles.ts`' `DOUBLE_NAME` or a spy. */
const MADE_DOUBLE = /^(jest|vi|sinon)\.(fn|stub|spy)\s*\(|^\w*([Ss]py)\w*$/;

/** Collected during the one walk: the object arguments a test with a mocked transport hands the code under test. */
export class MockedTransport {
  private readonly ranges: [number, number][] = [];
  private readonly carrying: [number, number][] = [];
  private readonly tests: [number, number][] = [];

  /** A call or a construction: its object arguments, unless the callee is the runner's or a wait's. */
  call(node: EsNode, text: (node: EsNode) => string): void {
    const name = calleeName(node.callee as EsNode);
    if (name !== undefined && /^(it|test|specify)$/.test(name)) this.tests.push(span(node));
    if (name !== undefined && OWN_WAITS.test(name)) return;
    for (const raw of node.arguments as EsNode[]) {
      const argument = unwrap(raw);
      if (argument.type !== "ObjectExpression") continue;
      this.ranges.push(span(argument));
      if (carriesFetchDouble(argument, text)) this.carrying.push(span(argument));
    }
  }

  /** The ranges to set aside in a test file: every object argument if the file mocks the transport, else those carrying a fetch double. */
  setAside(path: string | undefined, source: string): [number, number][] {
    if (path === undefined || !TEST_FILE.test(path)) return [];
    const ranges =
      HTTP_MODULE.test(source) || FETCH_DOUBLE.test(source) || stubsClientMethod(source) ? this.ranges : this.carrying;
    // storyblok's `timeout: 1` against a fetch double that answers after 5 s, then `rejects.toMatchObject({ message:
    // "Request timeout: ..." })`: the test's timeout is meant to fire; it stays reported.
    return ranges.filter(([from]) => {
      const test = this.tests.filter(([start, end]) => start <= from && from < end).at(-1);
      return test === undefined || !EXPECTS_TIMEOUT.test(source.slice(test[0], test[1]));
    });
  }
}

/** `{ request: { timeout: 100, fetch: mock } }`: an options object (at any depth) that hands the client a fetch double. */
function carriesFetchDouble(object: EsNode, text: (node: EsNode) => string, depth = 0): boolean {
  if (depth > 3) return false;
  for (const property of object.properties as EsNode[]) {
    if (property.type !== "Property") continue;
    const value = unwrap(property.value as EsNode);
    if (propertyName(property) === "fetch" && (DOUBLE_NAME.test(text(value)) || MADE_DOUBLE.test(text(value))))
      return true;
    if (value.type === "ObjectExpression" && carriesFetchDouble(value, text, depth + 1)) return true;
  }
  return false;
}

/**
 * `import axios from "axios"`, `vi.spyOn(axios, "request")`, then `axios.request.mockImplementationOnce(...)` (or
 * `spyOn(...).mockResolvedValue(...)`): the client's request method answers from the test (@hubspot's
 * ui-extensions-dev-server, fresh296). A spy with no replaced behaviour calls the real client and stays judged.
 */
function stubsClientMethod(source: string): boolean {
  if (!source.includes("spyOn")) return false;
  for (const [, name, method] of source.matchAll(SPIED_METHOD)) {
    const id = name!.replaceAll("$", "\\$");
    const client = new RegExp(
      `\\bimport\\s+(?:\\*\\s+as\\s+)?${id}\\b[^;]*?from\\s*['"\`](?:${HTTP_CLIENTS})['"\`]|\\b${id}\\s*=\\s*require\\s*\\(\\s*['"\`](?:${HTTP_CLIENTS})['"\`]`,
    );
    if (!client.test(source)) continue;
    const stubbed = new RegExp(
      `\\b${id}\\s*\\.\\s*${method}\\s*\\.\\s*${MOCKED_BEHAVIOUR}|spyOn\\s*\\(\\s*${id}\\s*,\\s*['"\`]${method}['"\`]\\s*\\)\\s*\\.\\s*${MOCKED_BEHAVIOUR}`,
    );
    if (stubbed.test(source)) return true;
  }
  return false;
}
