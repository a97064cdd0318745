import type { TestProject } from "vitest/node";
import { canRun, launchBrowserServer, serveSite } from "./site.ts";

/**
 * One Chromium and one static server for every browser test file: files connect to the browser
 * over its websocket instead of each starting their own.
 */
export default async function setup(project: TestProject) {
  if (!canRun) return;
  const [{ url, server }, browser] = await Promise.all([serveSite(), launchBrowserServer()]);
  project.provide("site", { url, wsEndpoint: browser.wsEndpoint() });
  return async () => {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    site: { url: string; wsEndpoint: string };
  }
}
