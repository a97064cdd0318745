// JS `no-hardcoded-timeout`, session 64 (issue 9), from blind set fresh406 (@genesislcap/foundation-testing): a
// Playwright option fixture given as a value has no setup or teardown, so its own `timeout` bounds nothing. A fixture
// written as a function keeps its timeout, the bound of its setup.
import { test as base } from "@playwright/test";

export const defaultPackageConfig = { PORT: 3000 };

export const test = base.extend({
  config: [defaultPackageConfig, { option: true, scope: "worker", timeout: 60000 }],
  locale: ["en-GB", { option: true, timeout: 5000 }],
  port: [
    async ({ config }, use) => {
      await use(await findPort(config.PORT));
    },
    { scope: "worker", timeout: 60000 }, // expect: no-hardcoded-timeout
  ],
});
