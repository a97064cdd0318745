import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, relative } from "node:path";

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

/** Every page of the built site, as URL paths. */
export function pagePaths(): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
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
  return pages.sort();
}
