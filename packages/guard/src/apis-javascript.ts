// The JavaScript and TypeScript timeout APIs known out of the box (`apis.ts`).
import type { TimeoutApi } from "./apis.ts";

const TEST_FUNCTIONS = [
  "it",
  "test",
  "it.only",
  "test.only",
  "it.concurrent",
  "test.concurrent",
  "it.skip",
  "test.skip",
];
/** Modules whose `timeout(ms)` decorator sets a test's or suite's Mocha timeout (mocha-typescript, testdeck). */
export const TEST_DECORATOR_MODULES = [
  "mocha-typescript",
  "@testdeck/mocha",
  "@testdeck/jasmine",
  "@testdeck/jest",
  "@testdeck/vitest",
];
/** Sentry's SDKs for servers and browsers: each exports the hub's `flush` and `close`. */
const SENTRY_PACKAGES = [
  "@sentry/node",
  "@sentry/browser",
  "@sentry/core",
  "@sentry/serverless",
  "@sentry/aws-serverless",
  "@sentry/google-cloud-serverless",
  "@sentry/nextjs",
  "@sentry/react",
  "@sentry/bun",
  "@sentry/deno",
  "@sentry/cloudflare",
  "@sentry/vercel-edge",
  "@sentry/electron",
  "@sentry/react-native",
];
const HOOKS = ["beforeAll", "afterAll", "beforeEach", "afterEach", "before", "after"];

/** The JavaScript timeout APIs known out of the box. */
export const JAVASCRIPT_TIMEOUT_APIS: readonly TimeoutApi[] = [
  { language: "js", callee: "AbortSignal.timeout", argument: 0, zeroIsUnbounded: false },
  // Effect's `Effect.timeout(duration)` / `Effect.timeoutOption(duration)`, piped (`.pipe(Effect.timeout(1000))`) or
  // data-first (`Effect.timeout(effect, 1000)`): the effect is interrupted when the duration (a number is
  // milliseconds) elapses; 0 interrupts at once.
  { language: "js", callee: "Effect.timeout", argument: "all", zeroIsUnbounded: false },
  { language: "js", callee: "Effect.timeoutOption", argument: "all", zeroIsUnbounded: false },
  // Sleeps are not listed: Puppeteer's and Playwright's `page.waitForTimeout(ms)` and Cypress' `cy.wait(ms)` are
  // documented as waiting the given time, whatever happens, so the duration bounds nothing (a delay, eval README
  // "Poll ticks"). `cy.wait("@alias", { timeout })` keeps its bound in the options, checked where it is written.
  { language: "js", callee: "*.setDefaultTimeout", argument: 0, zeroIsUnbounded: true },
  { language: "js", callee: "*.setDefaultNavigationTimeout", argument: 0, zeroIsUnbounded: true },
  // Test runners: a test timeout of 0 switches the limit off (Mocha, Jest, Vitest, AVA).
  { language: "js", callee: "jest.setTimeout", argument: 0, zeroIsUnbounded: true },
  { language: "js", callee: "this.timeout", argument: 0, zeroIsUnbounded: true },
  // Mocha's current runnable on the test's context (`this.test.timeout(0)` in a test or in a helper it calls with its
  // context, `this.currentTest.timeout(0)` in a hook), and the `mocha` global of its browser build (`mocha.timeout(0)`
  // sets the root suite's): 0 switches the limit off for what follows.
  { language: "js", callee: "this.test.timeout", argument: 0, zeroIsUnbounded: true },
  { language: "js", callee: "this.currentTest.timeout", argument: 0, zeroIsUnbounded: true },
  { language: "js", callee: "mocha.timeout", argument: 0, zeroIsUnbounded: true },
  { language: "js", callee: "t.timeout", argument: 0, zeroIsUnbounded: true },
  // mocha-typescript's and testdeck's decorators (`@test @timeout(60000) async works()`), imported from their module:
  // the test's or suite's Mocha timeout, 0 switching it off as `this.timeout(0)` does.
  ...TEST_DECORATOR_MODULES.map((module) => ({
    language: "js" as const,
    callee: `${module}.timeout`,
    argument: 0,
    zeroIsUnbounded: true,
  })),
  // Playwright's test timeouts: 0 switches the limit off (`test.setTimeout(0)`, `testInfo.setTimeout(0)`).
  { language: "js", callee: "test.setTimeout", argument: 0, zeroIsUnbounded: true },
  { language: "js", callee: "testInfo.setTimeout", argument: 0, zeroIsUnbounded: true },
  // Cucumber's step and hook timeout, imported (`const { setDefaultTimeout } = require("@cucumber/cucumber")`).
  // Cucumber documents -1 as "disable timeouts".
  {
    language: "js",
    callee: "@cucumber/cucumber.setDefaultTimeout",
    argument: 0,
    zeroIsUnbounded: true,
    negativeIsUnbounded: true,
  },
  {
    language: "js",
    callee: "cucumber.setDefaultTimeout",
    argument: 0,
    zeroIsUnbounded: true,
    negativeIsUnbounded: true,
  },
  // birpc's `createBirpc(functions, { timeout })`: each call's timer is armed only when `timeout >= 0`, so a negative
  // (`timeout: -1`) leaves every RPC waiting for its answer without a limit; 0 rejects at once.
  ...["createBirpc", "createBirpcGroup", "birpc.createBirpc", "birpc.createBirpcGroup"].map((callee) => ({
    language: "js" as const,
    callee,
    argument: "options" as const,
    zeroIsUnbounded: false,
    negativeIsUnbounded: true,
    zeroRejectsAtOnce: true,
  })),
  // Sentry's `flush(timeout)` and `close(timeout)`: how long to wait for queued events to be sent before the promise
  // resolves `false` (a serverless handler awaits it before it returns); 0 or nothing waits until the queue drains.
  ...SENTRY_PACKAGES.flatMap((module) =>
    ["flush", "close"].map((method) => ({
      language: "js" as const,
      callee: `${module}.${method}`,
      argument: 0 as const,
      zeroIsUnbounded: true,
    })),
  ),
  // @subsquid/util-timeout's `addTimeout(promise, ms)` returns the promise as it is when `ms` is 0: no timer at all.
  { language: "js", callee: "@subsquid/util-timeout.addTimeout", argument: 1, zeroIsUnbounded: true },
  // SQLite's busy handler through its C API (sqlite-wasm's `sqlite3.capi.sqlite3_busy_timeout(db, ms)`): how long a
  // statement waits for another connection's lock before it fails with SQLITE_BUSY; 0 or less fails at once.
  { language: "js", callee: "*.sqlite3_busy_timeout", argument: 1, zeroIsUnbounded: false, zeroRejectsAtOnce: true },
  { language: "js", callee: "sqlite3_busy_timeout", argument: 1, zeroIsUnbounded: false, zeroRejectsAtOnce: true },
  // Node sockets and requests: 0 is "no idle timeout" (a literal 0 after a phase switches it off; see SWITCH_OFF_APIS).
  { language: "js", callee: "*.setTimeout", argument: 0, zeroIsUnbounded: true },
  ...TEST_FUNCTIONS.map((callee) => ({
    language: "js" as const,
    callee,
    argument: "last" as const,
    minArguments: 3,
    zeroIsUnbounded: true,
  })),
  ...HOOKS.map((callee) => ({
    language: "js" as const,
    callee,
    argument: "last" as const,
    minArguments: 2,
    zeroIsUnbounded: true,
  })),
  // Options objects whose timeout 0 (or false) is documented as "no timeout": HTTP clients and servers
  // (axios, Node's http/https/http2/net/tls, undici, node-fetch, ky, request, Fastify, the AWS SDK's handlers), drivers (MongoDB,
  // Mongoose, pg, mysql, mysql2), child processes (Node's child_process, execa), test runners (Mocha,
  // Vitest/Jest config, Playwright), browsers (Puppeteer, Playwright: navigation and waits).
  ...[
    "axios",
    "axios.*",
    "http.*",
    "https.*",
    "http2.*",
    "net.*",
    "tls.*",
    "undici.*",
    "fetch",
    "node-fetch",
    "ky",
    "ky.*",
    "fastify",
    "Fastify",
    "MongoClient",
    "MongoClient.connect",
    "mongoose.*",
    "mysql.*",
    "mysql2.*",
    "mysql2/promise.*",
    "request",
    "request.*",
    "child_process.*",
    "execa",
    "execa.*",
    "pg.Pool",
    "pg.Client",
    // The AWS SDK's request handlers: `connectionTimeout` and `requestTimeout` default to 0, "no timeout".
    "@smithy/node-http-handler.NodeHttpHandler",
    "@smithy/node-http-handler.NodeHttpHandler.create",
    "@aws-sdk/node-http-handler.NodeHttpHandler",
    "@smithy/fetch-http-handler.FetchHttpHandler",
    "@smithy/fetch-http-handler.FetchHttpHandler.create",
    "Mocha",
    "mocha.setup",
    "vi.setConfig",
    "defineConfig",
    // Imported under a module binding (`(0, test_1.defineConfig)({ ... })`, TypeScript's CommonJS output).
    "@playwright/test.defineConfig",
    "vitest/config.defineConfig",
    "test.use",
    "test.describe.configure",
    // Playwright's test object under another name (`const { default: playwright } = require("@playwright/test")`).
    "*.describe.configure",
    // A fixture's own options (`test.extend({ eyes: [fn, { timeout: 0 }] })`): 0 runs its setup and teardown unbounded.
    "@playwright/test.test.extend",
    "puppeteer.*",
    "chromium.*",
    "firefox.*",
    "webkit.*",
    "*.goto",
    "*.reload",
    "*.waitForSelector",
    "*.waitForNavigation",
    "*.waitForFunction",
    "*.waitForResponse",
    "*.waitForRequest",
    "*.waitForEvent",
    "*.waitForLoadState",
    "*.waitForURL",
    "*.waitForNetworkIdle",
  ].map((callee) => ({ language: "js" as const, callee, argument: "options" as const, zeroIsUnbounded: true })),
];
