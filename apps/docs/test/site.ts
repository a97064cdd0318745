import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, relative } from "node:path";
import { chromium, type Browser, type BrowserServer, type Page } from "playwright-core";
import { inject } from "vitest";

export const DIST = join(import.meta.dirname, "../.vitepress/dist");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Browser suites drive Debian's Chromium. Under CI=true a missing browser or build is a failure;
 * elsewhere the suite is skipped with a message saying what to install.
 */
export const canRun = (() => {
  const missing = [
    existsSync(CHROMIUM) ? "" : `Chromium at ${CHROMIUM} (apt-get install chromium)`,
    existsSync(DIST) ? "" : "the built site (pnpm docs:build)",
  ].filter(Boolean);
  if (missing.length > 0 && process.env.CI) throw new Error(`CI=true but missing: ${missing.join("; ")}`);
  if (missing.length > 0) console.warn(`\n  Browser tests SKIPPED, missing: ${missing.join("; ")}\n`);
  return missing.length === 0;
})();

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".woff2": "font/woff2",
};

/** Resolves a URL path the way the docs host does (clean URLs): file, file.html, or dir/index.html. */
export function resolvePath(urlPath: string): string | undefined {
  const clean = decodeURIComponent(urlPath.split(/[?#]/)[0]!);
  for (const candidate of [clean, `${clean}.html`, join(clean, "index.html")]) {
    const file = join(DIST, candidate);
    if (!file.startsWith(DIST)) return undefined;
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return undefined;
}

/** Serves the built site on a free loopback port. */
export async function serveSite(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const file = resolvePath(req.url ?? "/");
    if (!file) {
      res.writeHead(404, { "content-type": "text/html" }).end(readFileSync(join(DIST, "404.html")));
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** The target of a page that only sends the reader elsewhere (`<meta http-equiv="refresh">`). */
export function redirectTarget(urlPath: string): string | undefined {
  const file = resolvePath(urlPath);
  if (!file) return undefined;
  return /<meta http-equiv="refresh" content="0; url=([^"]+)"/.exec(readFileSync(file, "utf8"))?.[1];
}

/**
 * Directories of the built site that hold reports published as they are (self-contained pages with
 * charts, linked from the example pages), not VitePress pages: test/examples.test.ts checks them.
 */
export const STANDALONE_DIRS = ["examples"];

/** The standalone report pages (see STANDALONE_DIRS), as URL paths. */
export function standalonePaths(): string[] {
  return STANDALONE_DIRS.flatMap((dir) =>
    existsSync(join(DIST, dir))
      ? readdirSync(join(DIST, dir))
          .filter((name) => name.endsWith(".html"))
          .map((name) => `/${dir}/${name}`)
      : [],
  ).sort();
}

/** Every page of the built site, as URL paths; with `redirects: false`, without the pages that only redirect. */
export function pagePaths({ redirects = true } = {}): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (dir === DIST && STANDALONE_DIRS.includes(entry.name)) continue;
      if (entry.isDirectory() && entry.name !== "assets") walk(path);
      else if (entry.name.endsWith(".html") && entry.name !== "404.html") {
        const rel = `/${relative(DIST, path)
          .replace(/\\/g, "/")
          .replace(/(index)?\.html$/, "")}`;
        pages.push(rel);
      }
    }
  };
  if (existsSync(DIST)) walk(DIST);
  return pages.filter((page) => redirects || redirectTarget(page) === undefined).sort();
}

/** Chromium flags: no sandbox as root; no GPU; no background traffic on a machine without internet. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** The shared browser and site started by test/global-setup.ts. */
export async function connect(): Promise<{ browser: Browser; base: string }> {
  const { url, wsEndpoint } = inject("site");
  return { browser: await chromium.connect(wsEndpoint), base: url };
}

/** Collects console errors and uncaught exceptions of a page. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/**
 * What sticks out or is cut off on the current page, measured from element boxes: the page itself
 * scrolling sideways, the main column leaving the viewport, and tables, code blocks and figures that
 * leave the main column or need a scrollbar of their own.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className && typeof el.className === "string" ? `.${el.className.trim().split(/\s+/).join(".")}` : ""}`;
    const viewport = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > viewport)
      problems.push(
        `the page scrolls sideways: ${document.documentElement.scrollWidth} px wide in a ${viewport} px viewport`,
      );
    const main = document.querySelector("#VPContent");
    if (!main) return ["no #VPContent"];
    const column = main.getBoundingClientRect();
    if (column.left < 0 || column.right > viewport + 0.5)
      problems.push(`the main column spans ${column.left}..${column.right} px, outside the ${viewport} px viewport`);
    for (const el of main.querySelectorAll(".vp-doc table, .vp-doc pre, .vp-doc figure, .vp-doc svg")) {
      const box = el.getBoundingClientRect();
      if (box.width === 0) continue;
      if (box.left < column.left - 0.5 || box.right > column.right + 0.5)
        problems.push(
          `${name(el)} spans ${Math.round(box.left)}..${Math.round(box.right)} px, outside the main column`,
        );
      if (el.scrollWidth > el.clientWidth + 1)
        problems.push(`${name(el)} is cut off: ${el.scrollWidth} px of content in ${el.clientWidth} px`);
    }
    return problems;
  });
}

/** Waits until Vue has mounted the app (hydration is synchronous within the mount). */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    Boolean((document.querySelector("#app") as { __vue_app__?: unknown } | null)?.__vue_app__),
  );
}
