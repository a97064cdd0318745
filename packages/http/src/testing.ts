import { loadConfig } from "@org/config";
import { createHttpClient, type HttpClient, type HttpClientOptions } from "./client.ts";

/**
 * A client for end-to-end tests against a shared environment: the seed's `StagingClient`.
 * Its environment is `ORG_ENV`, or staging when unset (never dev: a test that passes with
 * 5 s locally must not fail under staging load), so each attempt waits 30 s and is retried 3 times.
 * @example
 * const http = createStagingClient({ prefixUrl: process.env.STAGING_URL });
 * expect((await http.get("health")).status).toBe(200);
 */
export function createStagingClient(options: HttpClientOptions = {}): HttpClient {
  const config = options.config ?? loadConfig({ env: { ...process.env, ORG_ENV: process.env.ORG_ENV ?? "staging" } });
  return createHttpClient({ ...options, config });
}
