import { describe, expect, it } from "vitest";
import { findingLines, packageFindings } from "./helpers.ts";

// Session 40's blind sets (issue 9): push-rpc's ping timer arms itself again from its own callback (fresh119, a
// keepalive's pacing); walletconnect's compiled `debounce(func)` takes its quiet period as Babel's `arguments[1]`
// default (fresh113's `lib/module` and `lib/commonjs` copies).

const session = (callback: string) =>
  [
    "export class RpcSession {",
    "  constructor(private pingSendTimeout: number) {}",
    "  open() {",
    "    this.pingTimer = setTimeout(this.sendPing, this.pingSendTimeout)",
    "  }",
    "  sendPing = async () => {",
    callback,
    "  }",
    "}",
  ].join("\n");

// As @push-rpc/core's server.ts has it: the defaults merged into the options the session is built with.
const server = [
  "const defaultOptions = {",
  "  pingSendTimeout: 40 * 1000,",
  "}",
  "export const serverOptions = (options) => ({ ...defaultOptions, ...options })",
].join("\n");

describe("a timer whose callback arms the same callback again", () => {
  it("paces a loop: the default of its delay is no timeout", async () => {
    const rearms = [
      "    try {",
      '      await this.callRemote("", "ping", "ping", null)',
      "      this.pingTimer = setTimeout(this.sendPing, this.pingSendTimeout)",
      "    } catch (e) {",
      '      log.debug("Ping send failed")',
      "    }",
    ].join("\n");
    expect(await packageFindings({ "src/RpcSession.ts": session(rearms), "src/server.ts": server })).toEqual([]);
  });

  it("is still a deadline when it arms nothing again and ends the session", async () => {
    const ends = "    this.socket.terminate()";
    expect(await packageFindings({ "src/RpcSession.ts": session(ends), "src/server.ts": server })).toEqual([
      "src/server.ts:2: no-hardcoded-timeout",
    ]);
  });
});

describe("a debounce's default compiled into `arguments`", () => {
  const helper = (name: string, body: string) =>
    [
      "export const CoreHelperUtil = {",
      `  ${name}(func) {`,
      "    let timeout = arguments.length > 1 && arguments[1] !== undefined ? arguments[1] : 500;",
      body,
      "  }",
      "};",
    ].join("\n");
  const debounce = (name: string) =>
    helper(
      name,
      [
        "    let timer;",
        "    return function () {",
        "      for (var _len = arguments.length, args = new Array(_len), _key = 0; _key < _len; _key++) {",
        "        args[_key] = arguments[_key];",
        "      }",
        "      function next() {",
        "        func(...args);",
        "      }",
        "      if (timer) {",
        "        clearTimeout(timer);",
        "      }",
        "      timer = setTimeout(next, timeout);",
        "    };",
      ].join("\n"),
    );

  it("is the debounce's quiet period, not a timeout", async () => {
    expect(await findingLines("lib/module/utils/CoreHelperUtil.js", debounce("debounce"))).toEqual([]);
  });

  it("is still reported where the function bounds a request with it", async () => {
    const request = helper("request", "    return fetch(func, { signal: AbortSignal.timeout(timeout) });");
    expect(await findingLines("lib/module/utils/CoreHelperUtil.js", request)).toEqual(["3: no-hardcoded-timeout"]);
  });
});

// fresh118's discord.js-selfbot: `restWsBridgeTimeout: 5_000` in the options module is read only by another module's
// timer that forgets a deleted guild's dedupe entry.
describe("an option read only by another module's timer that forgets an entry", () => {
  const action = (callback: string) =>
    [
      "class GuildDeleteAction {",
      "  constructor(client) {",
      "    this.client = client;",
      "    this.deleted = new Map();",
      "  }",
      "  scheduleForDeletion(id) {",
      `    setTimeout(${callback}, this.client.options.restWsBridgeTimeout).unref();`,
      "  }",
      "}",
      "module.exports = GuildDeleteAction;",
    ].join("\n");
  const options = "exports.DefaultOptions = {\n  restWsBridgeTimeout: 5_000,\n};";

  it("is an entry's lifetime, not a timeout", async () => {
    const found = await packageFindings({
      "src/GuildDelete.js": action("() => this.deleted.delete(id)"),
      "src/Options.js": options,
    });
    expect(found).toEqual([]);
  });

  it("is still reported when the timer rejects a waiter", async () => {
    const found = await packageFindings({
      "src/GuildDelete.js": action("() => this.pending.get(id).reject(new Error('timed out'))"),
      "src/Options.js": options,
    });
    expect(found).toEqual(["src/Options.js:2: no-hardcoded-timeout"]);
  });
});

// fresh125's connectkit: react-transition-state's `useTransition({ timeout: 160 })` is how long an animation runs.
describe("the options of a display component's hook", () => {
  it("say how long something animates, as the component's own timeout prop does", async () => {
    const source =
      "import { useTransition } from 'react-transition-state';\nexport const useFade = () => useTransition({ timeout: 160, preEnter: true });";
    expect(await findingLines("src/hooks/useFade.ts", source)).toEqual([]);
  });

  it("do not cover a request's options in a hook of another name", async () => {
    const source =
      "import { useQuery } from 'react-query';\nexport const useUser = () => useQuery({ queryKey: ['u'], queryFn, timeout: 160 });";
    expect(await findingLines("src/hooks/useUser.ts", source)).toEqual(["2: no-hardcoded-timeout"]);
  });
});

// fresh124's @testomatio/reporter: `REPORTER_REQUEST_RETRIES.retryTimeout` is read only as axios-retry's `retryDelay`.
describe("a timeout-looking setting read only as a delay's value", () => {
  const constants = "export const REPORTER_REQUEST_RETRIES = {\n  retriesPerRequest: 2,\n  retryTimeout: 5 * 1000,\n};";
  const client = (key: string) =>
    [
      'import axiosRetry from "axios-retry";',
      'import { REPORTER_REQUEST_RETRIES } from "./constants.js";',
      "export function withRetries(axios) {",
      `  axiosRetry(axios, { retries: REPORTER_REQUEST_RETRIES.retriesPerRequest, ${key}: REPORTER_REQUEST_RETRIES.retryTimeout });`,
      "}",
    ].join("\n");

  it("is the pause before the next try, not a timeout", async () => {
    expect(await packageFindings({ "src/constants.js": constants, "src/client.js": client("retryDelay") })).toEqual([]);
  });

  it("is still reported where another key hands it on as a bound", async () => {
    expect(await packageFindings({ "src/constants.js": constants, "src/client.js": client("timeout") })).toEqual([
      "src/constants.js:3: no-hardcoded-timeout",
    ]);
  });
});

// fresh128 (session 42): inboxsdk's bundled `waitFor` polls with a nested `step` that arms itself again; the bundle
// defines other functions named `step` (an async-to-generator helper's), so the callback is the definition in scope.
describe("a poll step among other functions of the same name", () => {
  const waitFor = (firstTick: string) =>
    [
      "function asyncStep(gen) {",
      "  function step(key, arg) { return gen[key](arg); }",
      "  return step('next');",
      "}",
      "export function waitFor(condition, timeout, steptime) {",
      "  return new Promise(function (resolve, reject) {",
      "    let waited = 0;",
      "    function step() {",
      "      const result = condition();",
      "      if (result) resolve(result);",
      "      else if (waited >= timeout) reject(new Error('waitFor timed out'));",
      "      else { waited += steptime; setTimeout(step, steptime); }",
      "    }",
      firstTick,
      "  });",
      "}",
    ].join("\n");

  it("its first tick paces the poll: no timeout", async () => {
    expect(await findingLines("src/wait-for.js", waitFor("    setTimeout(step, 1);"))).toEqual([]);
  });

  it("a timer that rejects outright in the same place stays a deadline", async () => {
    const deadline = "    setTimeout(() => reject(new Error('timed out')), 1000);";
    expect(await findingLines("src/wait-for.js", waitFor(deadline))).toEqual(["14: no-hardcoded-timeout"]);
  });
});

// fresh124 (session 42): @kaspernj/api-maker re-checks the session every `timeout` (default 10 min) from a timer whose
// callback calls the method that armed it: a loop's pacing, not a deadline.
describe("a timer whose callback calls the function that armed it", () => {
  const updater = (callback: string) =>
    [
      "export class SessionStatusUpdater {",
      "  constructor(args = {}) {",
      "    this.timeout = args.timeout || 600000;",
      "  }",
      "  startTimeout() {",
      "    if (this.updateTimeout) clearTimeout(this.updateTimeout);",
      "    this.updateTimeout = setTimeout(() => {",
      callback,
      "    }, this.timeout);",
      "  }",
      "  updateSessionStatus = async () => {",
      "    const result = await this.sessionStatus();",
      "    this.applyResult(result);",
      "  };",
      "}",
    ].join("\n");

  it("paces a loop: its delay's default is no timeout", async () => {
    const again = "      this.startTimeout();\n      this.updateSessionStatus();";
    expect(await findingLines("src/session-status-updater.js", updater(again))).toEqual([]);
  });

  it("is still a timeout when the callback closes the connection before trying again", async () => {
    const closes = "      this.socket.destroy();\n      this.startTimeout();";
    expect(await findingLines("src/session-status-updater.js", updater(closes))).toEqual(["3: no-hardcoded-timeout"]);
  });
});
