import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { brokenLinks } from "./links.ts";
import { canRun, pagePaths } from "./site.ts";

describe("the link checker", () => {
  it("reports a link to a missing page and a fragment missing on its target, and nothing else", () => {
    const dir = mkdtempSync(join(tmpdir(), "org-docs-links-"));
    try {
      const page = (body: string) => `<!doctype html><html><head></head><body>${body}</body></html>`;
      writeFileSync(
        join(dir, "a.html"),
        page(
          '<h2 id="here">x</h2><a href="/b#there">ok</a><a href="#here">ok</a><a href="/gone">x</a>' +
            '<a href="/b#nowhere">x</a><a href="https://example.com/x">external</a>',
        ),
      );
      writeFileSync(join(dir, "b.html"), page('<p id="there">y</p><a href="a">relative, ok</a>'));
      const resolve = (path: string) =>
        (({ "/a": join(dir, "a.html"), "/b": join(dir, "b.html") }) as Record<string, string>)[path];
      expect(brokenLinks(["/a", "/b"], resolve)).toEqual([
        "/a -> /gone: no such file",
        '/a -> /b#nowhere: no element with id "nowhere" on that page',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!canRun)("the links of the built site", () => {
  it("lead to a page that exists and, with a #fragment, to an element of it", () => {
    const pages = pagePaths();
    expect(pages.length).toBeGreaterThan(40);
    expect(brokenLinks(pages)).toEqual([]);
  });
});
