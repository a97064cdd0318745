import { ENVIRONMENTS, loadConfig, toTable } from "@org/config";
import { createHttpClient } from "@org/http";

// What `import { config } from "@org/config"` resolves to in each environment, and what an
// HTTP client built on it will do: the answer to "why did this pass locally and fail in staging?".
const say = (line = "") => process.stdout.write(`${line}\n`);

say("@org demo: one source of timeouts and topology for every environment");
for (const env of ENVIRONMENTS) {
  const config = loadConfig({ env: { ORG_ENV: env } });
  const http = createHttpClient({ config });
  say();
  say(`== ORG_ENV=${env} ==`);
  for (const line of toTable(config)) say(`  ${line}`);
  say(
    `  http client: ${http.settings.timeoutMs} ms per attempt, ${http.settings.retries} retries with full-jitter backoff, retrying ${http.settings.retryMethods.join("/")}`,
  );
}
say();
say("Override with ORG_TIMEOUT_MS, ORG_REGIONS or ORG_CONFIG_FILE; check a deployment with `org-config validate`.");
