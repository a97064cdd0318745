import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// Two families of session 36 (issue 9), both values nothing waits on.
// 1. A constant named like a timeout whose only reads are a debounce's wait (`debounce(fn, RESIZE_TIMEOUT)`,
//    gooddata's `createDebouncedCallback(..., AGGRID_ON_RESIZE_TIMEOUT)`) or the return of a debounce-named getter
//    (`getDebounceTimeout() { return AGGRID_ON_RESIZE_TIMEOUT }`): a quiet period before acting once, not a deadline.
// 2. A local given a fallback and never read again, where the code later reads the option itself
//    (engine.io's `var destroyUpgradeTimeout = options.destroyUpgradeTimeout || 1000` beside a timer given
//    `options.destroyUpgradeTimeout`): a member of the same name is another value, not a read of the local.

describe("a timeout-named constant read only as a debounce's wait", () => {
  it("is not reported when handed to a debounce or throttle call", async () => {
    const source = [
      "import debounce from 'lodash/debounce';",
      "import { throttle } from 'lodash';",
      "const RESIZE_TIMEOUT = 300;",
      "const SCROLL_TIMEOUT = 100;",
      "const AGGRID_ON_RESIZE_TIMEOUT = 250;",
      "export const onResize = debounce(() => layout(), RESIZE_TIMEOUT);",
      "export const onScroll = throttle(() => layout(), SCROLL_TIMEOUT);",
      "export const onGrid = utils.createDebouncedCallback(() => layout(), AGGRID_ON_RESIZE_TIMEOUT);",
    ];
    expect(await findingLines("debounced.js", source.join("\n"))).toEqual([]);
  });

  it("is still reported when the debounced function stops something (a heartbeat watchdog)", async () => {
    const source = [
      "const _ = require('lodash');",
      "const HUB_HEARTBEAT_TIMEOUT = 7.5 * 1000;",
      "class EmberConnection {",
      "  constructor() {",
      "    this.stopLater = _.debounce(this._stop.bind(this), HUB_HEARTBEAT_TIMEOUT);",
      "    this.closeLater = _.debounce(() => this.socket.close(), HUB_HEARTBEAT_TIMEOUT);",
      "  }",
      "}",
      "module.exports = EmberConnection;",
    ];
    expect(await findingLines("ember-connection.js", source.join("\n"))).toEqual(["2: no-hardcoded-timeout"]);
  });

  it("is not reported when a debounce-named getter returns it", async () => {
    const source = [
      "const AGGRID_ON_RESIZE_TIMEOUT = 300;",
      "export class ResizeEventHandlers {",
      "  getDebounceTimeout() {",
      "    return AGGRID_ON_RESIZE_TIMEOUT;",
      "  }",
      "}",
    ];
    expect(await findingLines("getter.js", source.join("\n"))).toEqual([]);
  });

  it("is still reported when it also bounds a request, or when another getter returns it", async () => {
    const both = [
      "import debounce from 'lodash/debounce';",
      "const SEARCH_TIMEOUT = 300;",
      "export const search = debounce((q) => fetch(url(q), { signal: AbortSignal.timeout(SEARCH_TIMEOUT) }), SEARCH_TIMEOUT);",
    ];
    expect(await findingLines("both.js", both.join("\n"))).toEqual(["2: no-hardcoded-timeout"]);
    const getter = [
      "const REQUEST_TIMEOUT = 300;",
      "export class Client {",
      "  getRequestTimeout() {",
      "    const debounced = () => 5;",
      "    return REQUEST_TIMEOUT;",
      "  }",
      "}",
    ];
    expect(await findingLines("getter.js", getter.join("\n"))).toEqual(["1: no-hardcoded-timeout"]);
  });

  it("is still reported when a function nested in a debounce-named getter returns it", async () => {
    const source = [
      "const REQUEST_TIMEOUT = 300;",
      "export function debounceRequests(send) {",
      "  return (body) => { return REQUEST_TIMEOUT; };",
      "}",
    ];
    expect(await findingLines("nested.js", source.join("\n"))).toEqual(["1: no-hardcoded-timeout"]);
  });
});

describe("a local fallback never read again", () => {
  it("is not reported when only a member of the same name is read later", async () => {
    const source = [
      "export function attach(server, options) {",
      "  var destroyUpgradeTimeout = options.destroyUpgradeTimeout || 1000;",
      "  setTimeout(() => server.destroy(), options.destroyUpgradeTimeout);",
      "  return { destroyUpgradeTimeout: true };",
      "}",
    ];
    expect(await findingLines("attach.js", source.join("\n"))).toEqual([]);
  });

  it("is still reported when the local itself is read, by name or as a shorthand property", async () => {
    const read = [
      "export function attach(server, options) {",
      "  var upgradeTimeout = options.upgradeTimeout || 1000;",
      "  setTimeout(() => server.destroy(), upgradeTimeout);",
      "}",
    ];
    expect(await findingLines("read.js", read.join("\n"))).toEqual(["2: no-hardcoded-timeout"]);
    const shorthand = [
      "export function connect(url, options) {",
      "  const timeout = options.timeout || 1000;",
      "  return fetchWith(url, { timeout });",
      "}",
    ];
    expect(await findingLines("shorthand.js", shorthand.join("\n"))).toEqual(["2: no-hardcoded-timeout"]);
  });
});
