import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "@org/config";
import type { TestRepo } from "@org/provenance/testing";
import { checkReportPage, chromiumAvailable } from "@org/test-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectReport, reportHtml, type ReportSectionProvider } from "../src/index.ts";
import { runAudit } from "./cli.ts";
import { reportRepo } from "./report-fixture.ts";

// Launching a browser, rendering and running axe is a few requests' worth of waiting: the test profile's
// per-test budget (config.timeouts.test) three times over.
const BROWSER_TEST_MS = loadConfig({ env: process.env }).timeouts.test * 3;
const canRun = chromiumAvailable("HTML report browser test");

let repo: TestRepo;
let out: string;
beforeAll(() => {
  ({ repo } = reportRepo());
  out = mkdtempSync(join(tmpdir(), "org-audit-html-"));
});
afterAll(() => {
  repo.remove();
  rmSync(out, { recursive: true, force: true });
});

describe("org-audit report --format html", () => {
  it("is one self-contained file: Chart.js inlined, no external URL", async () => {
    const file = join(out, "report.html");
    const { code, stderr } = await runAudit(
      ["report", "--quarter", "2026Q3", "--format", "html", "-o", file],
      repo.dir,
    );
    expect(code).toBe(0);
    expect(stderr).toContain(`wrote ${file}`);
    const { readFileSync } = await import("node:fs");
    const html = readFileSync(file, "utf8");
    expect(html).toContain("Chart.js v4");
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
  });

  it.runIf(canRun)(
    "renders its four charts in Chromium offline, with no console error and no serious axe violation",
    async () => {
      const file = join(out, "report.html");
      if (!existsSync(file))
        await runAudit(["report", "--quarter", "2026Q3", "--format", "html", "-o", file], repo.dir);
      const check = await checkReportPage(file, { charts: 4 });
      // Every chart painted something: a canvas with a size and non-blank pixels.
      expect(check.canvases).toHaveLength(4);
      for (const c of check.canvases) expect(c.width * c.height * c.ink).toBeGreaterThan(0);
      expect(check.seriousViolations).toEqual([]);
      expect(check.problems).toEqual([]);
      expect(check.externalRequests).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it("adds sections from providers (the flakiness monitor's extension point), escaped", async () => {
    const provider: ReportSectionProvider = async (context) => ({
      id: "flakiness",
      title: "Flakiness by origin",
      data: { commits: context.commits.length },
      markdown: `<b>${context.commits.length} commits</b>`,
    });
    const none: ReportSectionProvider = async () => undefined;
    const report = await collectReport({
      cwd: repo.dir,
      since: "2026-07-01",
      until: "2026-10-01",
      sections: [provider, none],
    });
    expect(report.sections).toEqual([
      { id: "flakiness", title: "Flakiness by origin", data: { commits: 4 }, markdown: "<b>4 commits</b>" },
    ]);
    expect(reportHtml(report)).toContain("&lt;b&gt;4 commits&lt;/b&gt;");
    writeFileSync(
      join(out, "section.mjs"),
      "export default async (c) => ({ id: 'x', title: 'X section', data: c.commits.length, markdown: 'from a module' });\n",
    );
    const { stdout } = await runAudit(
      ["report", "--quarter", "2026Q3", "--section", join(out, "section.mjs")],
      repo.dir,
    );
    expect(stdout).toContain("## X section\n\nfrom a module");
    // The same module named in org-audit.config.json's reportSections (what the flakiness monitor registers).
    writeFileSync(
      join(repo.dir, "org-audit.config.json"),
      JSON.stringify({ reportSections: [join(out, "section.mjs")] }),
    );
    try {
      const configured = await runAudit(["report", "--quarter", "2026Q3", "--format", "json"], repo.dir);
      expect((JSON.parse(configured.stdout) as { sections: { id: string }[] }).sections.map((s) => s.id)).toEqual([
        "x",
      ]);
    } finally {
      rmSync(join(repo.dir, "org-audit.config.json"));
    }
  });
});
