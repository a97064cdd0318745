import { inspect } from "node:util";
import { loadConfig } from "@org/config";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpClient, HttpError, HttpUsageError, type HttpClientOptions } from "../src/index.ts";
import { createStagingClient } from "../src/testing.ts";
import { devConfig, testConfig } from "./profile.ts";
import { startMisbehavingServer } from "./server.ts";

// Issue 14, probed as a security reviewer would: real loopback servers, one on 127.0.0.1 and
// one on 127.0.0.2 (another origin), every delay derived from the test profile's TIMEOUT.
const TIMEOUT = testConfig.TIMEOUT;
const SECRETS = ["Bearer s3cret-bearer", "k3y-value", "t0ken-value", "hunter2"];
let home: Awaited<ReturnType<typeof startMisbehavingServer>>;
let other: Awaited<ReturnType<typeof startMisbehavingServer>>;

const stalls = new Set<NodeJS.Timeout>();
const every = (ms: number, fn: () => void) => {
  const t = setInterval(fn, ms);
  stalls.add(t);
  return t;
};

beforeAll(async () => {
  other = await startMisbehavingServer({ "/landing": (_req, res) => res.writeHead(200).end("ok") }, "127.0.0.2");
  home = await startMisbehavingServer({
    "/ok": (_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}'),
    "/always-500": (_req, res) => res.writeHead(500).end(),
    "/drop": (req) => req.socket.destroy(),
    "/slow": (_req, res) => void setTimeout(() => res.writeHead(200).end("late"), TIMEOUT * 3),
    "/stalled-body": (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      res.write('{"a":');
    },
    "/trickle": (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      const t = every(Math.max(1, Math.floor(TIMEOUT / 10)), () => (res.destroyed ? clearInterval(t) : res.write("x")));
    },
    "/cut-once": (req, res, hit) => {
      if (hit > 1) return void res.writeHead(200).end('{"whole":true}');
      res.writeHead(200, { "content-length": "1000" });
      res.write('{"par', () => req.socket.destroy());
    },
    "/cut-always": (req, res) => {
      res.writeHead(200, { "content-length": "1000" });
      res.write('{"par', () => req.socket.destroy());
    },
    "/huge-declared": (_req, res) =>
      res.writeHead(200, { "content-length": String(2 * 1024 * 1024) }).end("x".repeat(2 * 1024 * 1024)),
    "/huge-chunked": (_req, res) => {
      res.writeHead(200, { "content-type": "application/octet-stream" });
      for (let i = 0; i < 64; i++) res.write(Buffer.alloc(64 * 1024, 1));
      res.end();
    },
    "/not-json": (_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"token":"hunter2",}'),
    "/same-origin": (_req, res) => res.writeHead(302, { location: "/ok" }).end(),
    "/loop": (_req, res) => res.writeHead(302, { location: "/loop" }).end(),
    ...Object.fromEntries(
      [301, 302, 303, 307, 308].map((status) => [
        `/away-${status}`,
        (_req, res) => res.writeHead(status, { location: `${other.url}/landing` }).end(),
      ]),
    ),
  });
});
afterAll(async () => {
  for (const t of stalls) clearInterval(t);
  await Promise.all([home.close(), other.close()]);
});

// Tests that wait for a timeout on purpose use `timed` (the test profile's 300 ms per attempt, with a
// call deadline that does not bind); the others the dev profile, so a loaded machine cannot fail them.
const client = (options: HttpClientOptions = {}) =>
  createHttpClient({ config: devConfig, prefixUrl: home.url, backoffBaseMs: 1, ...options });
const timed = (options: HttpClientOptions = {}) => client({ config: testConfig, deadlineMs: TIMEOUT * 10, ...options });

async function failure(promise: Promise<unknown>): Promise<HttpError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpError);
  return error as HttpError;
}

function expectNoSecret(...texts: string[]) {
  for (const text of texts) for (const secret of SECRETS) expect(text).not.toContain(secret);
}

describe("14.1 an HttpError never carries the request's secrets", () => {
  it.each(["always-500", "drop", "slow"])("not in inspect, JSON, message or cause (%s)", async (path) => {
    const error = await failure(
      (path === "slow" ? timed : client)({ headers: { "x-api-key": "k3y-value" }, retries: 1 }).get(
        `${path}?token=t0ken-value`,
        {
          headers: { authorization: "Bearer s3cret-bearer" },
        },
      ),
    );
    // The secrets were sent (a loaded machine may time the slow route out before it records the request).
    if (path !== "slow") expect(home.hits(`/${path}`).at(-1)!.headers.authorization).toBe("Bearer s3cret-bearer");
    expectNoSecret(
      inspect(error, { depth: 20, showHidden: true }),
      JSON.stringify(error),
      error.message,
      inspect(error.cause, { depth: 20, showHidden: true }),
    );
    expect(error.cause).toMatchObject({ method: "GET", url: `${home.url}/${path}?token=***` });
  });
});

describe("14.2 custom headers never follow a redirect to another origin", () => {
  it.each([301, 302, 303, 307, 308])(
    "%i to 127.0.0.2 is refused with ORG_HTTP_REDIRECT and sends nothing there",
    async (status) => {
      const before = other.hits("/landing").length;
      const error = await failure(client({ headers: { "x-api-key": "k3y-value" } }).get(`away-${status}`));
      expect(error).toMatchObject({ code: "ORG_HTTP_REDIRECT", attempts: 1 });
      expect(error.message).toContain("another origin");
      expect(other.hits("/landing")).toHaveLength(before);
    },
  );

  it("a POST answered 307 is not re-sent with its body to the other host", async () => {
    const before = other.hits("/landing").length;
    const error = await failure(
      client().post("away-307", { json: { password: "hunter2" }, headers: { "x-api-key": "k3y-value" } }),
    );
    expect(error.code).toBe("ORG_HTTP_REDIRECT");
    expect(other.hits("/landing")).toHaveLength(before);
  });

  it("same-origin redirects are followed with the headers", async () => {
    const response = await client({ headers: { "x-api-key": "k3y-value" } }).get("same-origin");
    expect(await response.json()).toEqual({ ok: true });
    expect(home.hits("/ok").at(-1)!.headers["x-api-key"]).toBe("k3y-value");
  });
});

describe("14.4 secret query names are matched by fragment", () => {
  it("hides client_secret, refresh_token, id_token, x-api-key, private_token and X-Amz-Signature", async () => {
    const names = ["client_secret", "refresh_token", "id_token", "x-api-key", "private_token", "X-Amz-Signature"];
    const query = names.map((name) => `${name}=hunter2`).join("&");
    const error = await failure(client({ retries: 0 }).get(`always-500?${query}&page=2`));
    expectNoSecret(error.message, error.url, JSON.stringify(error), inspect(error, { depth: 20 }));
    expect(error.url).toContain("page=2");
  });
});

describe("14.5 malformed URLs cannot smuggle credentials", () => {
  it.each([
    (port: string) => `http:user:hunter2@127.0.0.1:${port}/ok`,
    (port: string) => ` http://user:hunter2@127.0.0.1:${port}/ok`,
    (port: string) => `http:\\\\user:hunter2@127.0.0.1:${port}/ok`,
  ])("%s is refused by parsing, before any attempt", async (make) => {
    const port = new URL(home.url).port;
    const before = home.hits("/ok").length;
    const error = await createHttpClient({ config: testConfig })
      .get(make(port))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpUsageError);
    expect(error).toMatchObject({ code: "ORG_HTTP_URL" });
    expectNoSecret((error as Error).message, inspect(error));
    expect((error as Error).message).not.toContain("0 attempts");
    expect(home.hits("/ok")).toHaveLength(before);
  });
});

describe("14.6 a body that is not JSON is reported by position, not content", () => {
  it("getJson gives ORG_HTTP_JSON with URL, status and line/column", async () => {
    const error = await failure(client().getJson("not-json"));
    expect(error).toMatchObject({ code: "ORG_HTTP_JSON", status: 200, url: `${home.url}/not-json` });
    expect(error.message).toMatch(/line 1, column 20/);
    expectNoSecret(error.message, inspect(error, { depth: 20, showHidden: true }));
  });
});

describe("14.8 the per-attempt timeout covers the body", () => {
  it("a stalled body is cut at the per-attempt timeout with an HttpError", async () => {
    const error = await failure(timed({ retries: 1 }).getJson("stalled-body"));
    expect(error).toMatchObject({ code: "ORG_HTTP_TIMEOUT", attempts: 2 });
    expect(error.message).toContain("while reading the body");
  });

  it("a body trickling forever is cut too", async () => {
    const error = await failure(timed({ retries: 0 }).get("trickle"));
    expect(error).toMatchObject({ code: "ORG_HTTP_TIMEOUT", attempts: 1 });
  });

  it("a body that breaks off is an ORG_HTTP_BODY failure, retried for GET", async () => {
    expect(await client().getJson("cut-once")).toEqual({ whole: true });
    expect(home.hits("/cut-once")).toHaveLength(2);
    const error = await failure(client({ retries: 1 }).get("cut-always"));
    expect(error).toMatchObject({ code: "ORG_HTTP_BODY", status: 200, attempts: 2 });
  });

  it("maxBytes caps bodies, declared or streamed, without retrying", async () => {
    const declared = await failure(client({ maxBytes: 1024 * 1024 }).get("huge-declared"));
    expect(declared).toMatchObject({ code: "ORG_HTTP_TOO_LARGE", attempts: 1 });
    const streamed = await failure(client({ maxBytes: 1024 * 1024 }).get("huge-chunked"));
    expect(streamed).toMatchObject({ code: "ORG_HTTP_TOO_LARGE", attempts: 1 });
    expect(client().settings.maxBytes).toBe(10 * 1024 * 1024);
  });
});

describe("14.9 one deadline bounds the whole call", () => {
  it("defaults to config.timeouts.call, one TIMEOUT inside config.timeouts.test", () => {
    for (const env of ["dev", "staging", "prod"] as const) {
      const config = loadConfig({ env: { ORG_ENV: env } });
      const { settings } = createHttpClient({ config });
      expect(settings.deadlineMs).toBe(config.timeouts.call);
      expect(settings.deadlineMs).toBe(config.TIMEOUT * 3);
      expect(config.timeouts.test - settings.deadlineMs).toBe(config.TIMEOUT);
    }
    const staging = loadConfig({ env: { ORG_ENV: "staging" } });
    expect(createStagingClient({ config: staging }).settings.deadlineMs).toBeLessThan(staging.timeouts.test);
  });

  it("stops retrying when the deadline would pass: at most deadline / TIMEOUT attempts", async () => {
    const http = client({ config: testConfig, retries: 10 });
    const error = await failure(http.get("slow"));
    expect(["ORG_HTTP_DEADLINE", "ORG_HTTP_TIMEOUT"]).toContain(error.code);
    expect(error.attempts).toBeLessThanOrEqual(http.settings.deadlineMs / TIMEOUT);
    expect(error.deadlineMs).toBe(testConfig.timeouts.call);
  });
});

describe("14.10 each failure has its own code, and retries have a budget", () => {
  it("a redirect loop is ORG_HTTP_REDIRECT, not retried", async () => {
    const before = home.hits("/loop").length;
    const error = await failure(client().get("loop"));
    expect(error).toMatchObject({ code: "ORG_HTTP_REDIRECT", attempts: 1 });
    expect(error.message).toContain("loop");
    expect(home.hits("/loop").length - before).toBeLessThanOrEqual(2);
  });

  it("a caller's abort is ORG_HTTP_ABORTED, also from AbortSignal.timeout()", async () => {
    const controller = new AbortController();
    const pending = client().get("slow", { signal: controller.signal });
    controller.abort();
    expect(await failure(pending)).toMatchObject({ code: "ORG_HTTP_ABORTED" });
    const timedOut = await failure(client().get("slow", { signal: AbortSignal.timeout(Math.floor(TIMEOUT / 3)) }));
    expect(timedOut.code).toBe("ORG_HTTP_ABORTED");
    expect(timedOut.message).toContain("AbortSignal.timeout");
  });

  it("100 calls to a failing server make at most 100 x 1.2 + 10 requests (not 400)", async () => {
    const http = client({ retries: 3 });
    const before = home.hits("/always-500").length;
    for (let i = 0; i < 100; i++) await failure(http.get("always-500"));
    expect(home.hits("/always-500").length - before).toBeLessThanOrEqual(100 * 1.2 + 10);
  });
});
