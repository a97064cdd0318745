import { loadConfig } from "@org/config";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpClient, HttpError, HttpUsageError } from "../src/index.ts";
import { createStagingClient } from "../src/testing.ts";
import { devConfig, testConfig } from "./profile.ts";
import { startMisbehavingServer } from "./server.ts";

const TIMEOUT = testConfig.TIMEOUT;
let server: Awaited<ReturnType<typeof startMisbehavingServer>>;

beforeAll(async () => {
  server = await startMisbehavingServer({
    "/ok": (_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}'),
    "/slow": (_req, res) => void setTimeout(() => res.writeHead(200).end("late"), TIMEOUT * 3),
    "/slow-once": (_req, res, hit) =>
      hit === 1 ? void setTimeout(() => res.writeHead(200).end("late"), TIMEOUT * 3) : res.writeHead(200).end("ok"),
    "/flaky": (_req, res, hit) => (hit <= 2 ? res.writeHead(503).end() : res.writeHead(200).end("ok")),
    "/always-500": (_req, res) => res.writeHead(500).end(),
    "/not-found": (_req, res) => res.writeHead(404).end(),
    "/drop": (req) => req.socket.destroy(),
    "/drop-once": (req, res, hit) => (hit === 1 ? req.socket.destroy() : res.writeHead(200).end("ok")),
    "/rate-limited": (_req, res, hit) =>
      hit === 1 ? res.writeHead(429, { "retry-after": String(TIMEOUT / 1000) }).end() : res.writeHead(200).end("ok"),
    "/post-503": (_req, res) => res.writeHead(503).end(),
    "/retry-later": (_req, res) => res.writeHead(503, { "retry-after": "3600" }).end(),
  });
});
afterAll(() => server.close());

// Backoff stays small so retries do not slow the suite. Tests that wait for a timeout on purpose use
// the test profile (300 ms per attempt, with a call deadline that does not bind); the others the dev profile.
const client = (options: Parameters<typeof createHttpClient>[0] = {}) =>
  createHttpClient({ config: devConfig, prefixUrl: server.url, backoffBaseMs: 1, ...options });
const timed = (options: Parameters<typeof createHttpClient>[0] = {}) =>
  client({ config: testConfig, deadlineMs: TIMEOUT * 10, ...options });

describe("defaults", () => {
  it("takes its per-attempt timeout from config.TIMEOUT and retries 3 times", () => {
    for (const env of ["dev", "staging", "prod"] as const) {
      const config = { ...testConfig, ENV: env, TIMEOUT: { dev: 5000, staging: 30000, prod: 60000 }[env] };
      expect(createHttpClient({ config }).settings).toMatchObject({ timeoutMs: config.TIMEOUT, retries: 3, env });
    }
  });

  it("the staging client for e2e tests defaults to staging timeouts, not dev's", () => {
    const previous = process.env.ORG_ENV;
    delete process.env.ORG_ENV;
    try {
      const staging = loadConfig({ env: { ORG_ENV: "staging" } });
      expect(createStagingClient().settings).toMatchObject({ timeoutMs: staging.TIMEOUT, retries: 3, env: "staging" });
    } finally {
      if (previous !== undefined) process.env.ORG_ENV = previous;
    }
  });

  it("refuses nonsense options with a clear error", () => {
    expect(() => createHttpClient({ config: testConfig, retries: -1 })).toThrow(
      /retries must be a whole number >= 0 \(got -1\)/,
    );
    expect(() => createHttpClient({ config: testConfig, timeoutMs: 0 })).toThrow(
      /timeoutMs must be a whole number >= 1/,
    );
    expect(() => createHttpClient({ config: testConfig, deadlineMs: 2 ** 31 })).toThrow(
      /deadlineMs must be at most 2147483647 ms/,
    );
  });
});

describe("against a misbehaving server", () => {
  it("returns 2xx responses", async () => {
    expect(await client().getJson("ok")).toEqual({ ok: true });
  });

  it("retries 5xx until it succeeds", async () => {
    const response = await client().get("flaky");
    expect(await response.text()).toBe("ok");
    expect(server.hits("/flaky")).toHaveLength(3);
  });

  it("retries an attempt that timed out", async () => {
    expect(await (await timed().get("slow-once")).text()).toBe("ok");
    expect(server.hits("/slow-once")).toHaveLength(2);
  });

  it("retries a dropped connection", async () => {
    expect(await (await client().get("drop-once")).text()).toBe("ok");
    expect(server.hits("/drop-once")).toHaveLength(2);
  });

  it("waits at least as long as Retry-After says", async () => {
    expect(await (await client({ backoffMaxMs: TIMEOUT * 2 }).get("rate-limited")).text()).toBe("ok");
    const [first, second] = server.hits("/rate-limited");
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(TIMEOUT * 0.9);
  });

  it("does not retry a non-idempotent POST by default", async () => {
    const error = await client()
      .post("post-503")
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ORG_HTTP_STATUS", status: 503, attempts: 1 });
    expect(server.hits("/post-503")).toHaveLength(1);
  });

  it("does not wait for a Retry-After that would outlast the call's deadline, and says why", async () => {
    const http = client({ backoffMaxMs: 3_600_000 });
    const error = await http.get("retry-later").catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ORG_HTTP_STATUS", status: 503, attempts: 1 });
    expect((error as Error).message).toContain(
      `No retry: the next one could not start within the call's deadline of ${http.settings.deadlineMs} ms.`,
    );
  });

  it("stops retrying when the client's retry budget is spent, and says why", async () => {
    const http = client({ retries: 3, retryBudget: { ratio: 0, reserve: 1 } });
    const first = await http.get("always-500").catch((e: unknown) => e);
    expect(first).toMatchObject({ code: "ORG_HTTP_STATUS", attempts: 2 });
    expect((first as Error).message).toContain("No retry: this client's retry budget is spent");
    expect(await http.get("always-500").catch((e: unknown) => e)).toMatchObject({ attempts: 1 });
  });

  it("refuses a GET with a body before sending anything", async () => {
    const before = server.hits("/ok").length;
    const error = await client()
      .get("ok", { body: "x" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpUsageError);
    expect(error).toMatchObject({ code: "ORG_HTTP_OPTIONS" });
    expect(server.hits("/ok")).toHaveLength(before);
  });

  it("does not retry a 404", async () => {
    await expect(client().get("not-found")).rejects.toMatchObject({ status: 404, attempts: 1 });
  });
});

describe("errors carry the numbers", () => {
  it("a timeout names method, URL, per-attempt timeout, attempts and ORG_ENV", async () => {
    const error = (await timed({ retries: 1 })
      .get("slow")
      .catch((e: unknown) => e)) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ code: "ORG_HTTP_TIMEOUT", attempts: 2, timeoutMs: TIMEOUT, env: "dev" });
    expect(error.message).toBe(
      `GET ${server.url}/slow timed out waiting for the response (2 attempts, ${TIMEOUT} ms per attempt, ${TIMEOUT * 10} ms per call, ORG_ENV=dev). ` +
        "If the service is this slow under normal load, raise ORG_TIMEOUT_MS; otherwise look at the service.",
    );
    expect(error.cause).toBeDefined();
  });

  it("a status failure counts every attempt", async () => {
    const error = await client()
      .get("always-500")
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ORG_HTTP_STATUS", status: 500, attempts: 4 });
    expect((error as Error).message).toContain("answered 500 (4 attempts");
  });

  it("a dropped connection is a network error", async () => {
    const error = await client({ retries: 2 })
      .get("drop")
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ORG_HTTP_NETWORK", attempts: 3 });
  });

  it("never shows secret query values", async () => {
    const error = (await createHttpClient({ config: testConfig, retries: 0 })
      .get(`${server.url}/not-found?api_key=abc123&page=2`)
      .catch((e: unknown) => e)) as HttpError;
    expect(error.url).toBe(`${server.url}/not-found?api_key=***&page=2`);
    expect(error.message).not.toContain("abc123");
  });

  it("refuses credentials in the URL without repeating them", async () => {
    const withSecrets = server.url.replace("http://", "http://user:hunter2@");
    const before = server.hits("/ok").length;
    const error = (await createHttpClient({ config: testConfig })
      .get(`${withSecrets}/ok`)
      .catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(HttpUsageError);
    expect(error).toMatchObject({ code: "ORG_HTTP_URL" });
    expect(error.message).toMatch(/credentials in a URL are refused/);
    expect(error.message).not.toContain("hunter2");
    expect(server.hits("/ok")).toHaveLength(before);
  });
});
