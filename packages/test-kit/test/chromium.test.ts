import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "@org/config";
import { afterAll, describe, expect, test } from "vitest";
import { checkReportPage, chromiumAvailable } from "../src/index.ts";

// Launching a browser and running axe is a few requests' worth of waiting: the test profile's budget three times.
const BROWSER_TEST_MS = loadConfig({ env: process.env }).timeouts.test * 3;
const dir = mkdtempSync(join(tmpdir(), "org-test-kit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(chromiumAvailable("test-kit's browser check"))("checkReportPage", () => {
  test(
    "reports painted and blank canvases, a serious axe violation, a page error and a request off the file",
    async () => {
      // A loopback server on a free port stands for "somewhere off the file"; it answers nothing useful.
      const server = createServer((_req, res) => res.end());
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const offFile = `http://127.0.0.1:${(server.address() as AddressInfo).port}/never`;
      const file = join(dir, "page.html");
      writeFileSync(
        file,
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body><main>
<canvas id="a" width="20" height="10"></canvas><canvas id="b" width="5" height="5"></canvas>
<img src="pixel.png"><a href="#"></a>
<script>
  document.getElementById("a").getContext("2d").fillRect(0, 0, 4, 10);
  fetch("${offFile}").catch(function () {});
  document.documentElement.setAttribute("data-charts", "2");
  throw new Error("boom");
</script></main></body></html>`,
      );
      const check = await checkReportPage(file, { charts: 2 }).finally(() => server.close());
      expect(check.canvases).toEqual([
        { width: 20, height: 10, ink: 40 },
        { width: 5, height: 5, ink: 0 },
      ]);
      expect(check.seriousViolations.map((v) => v.id)).toEqual(expect.arrayContaining(["image-alt", "link-name"]));
      expect(check.problems).toEqual(expect.arrayContaining([expect.stringContaining("boom")]));
      expect(check.externalRequests).toContain(offFile);
    },
    BROWSER_TEST_MS,
  );
});
