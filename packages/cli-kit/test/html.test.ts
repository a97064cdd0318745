import { describe, expect, test } from "vitest";
import { escapeHtml, htmlReportPage } from "../src/html.ts";

describe("htmlReportPage (the one shell of org-audit's and org-flaky's HTML reports)", () => {
  const page = htmlReportPage({
    title: 'Audit <"Q3"> & more',
    css: "main { color: #000; }",
    body: "<main><canvas id=c></canvas></main>",
    data: { name: "</script><script>alert(1)</script>" },
    script: "  new Chart(document.getElementById('c'), { type: 'bar', data: { labels: [], datasets: [] } });",
  });

  test("is one file: Chart.js inlined, nothing fetched, the title escaped", () => {
    expect(page).toContain("Chart.js v4");
    expect(page).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(page).not.toContain("sourceMappingURL");
    expect(page).toContain("<title>Audit &lt;&quot;Q3&quot;&gt; &amp; more</title>");
  });

  test("embeds the data as JSON that cannot close its script element", () => {
    const json = /<script type="application\/json" id="report-data">(.*?)<\/script>/.exec(page)![1]!;
    expect(json).not.toContain("</");
    expect(JSON.parse(json)).toEqual({ name: "</script><script>alert(1)</script>" });
  });

  test("runs the page's script and then counts the charts it drew on <html data-charts>", () => {
    const run = page.indexOf("new Chart(document.getElementById('c')");
    expect(run).toBeGreaterThan(page.indexOf("Chart.defaults.animation = false"));
    expect(page.indexOf('setAttribute("data-charts"')).toBeGreaterThan(run);
  });

  test("escapeHtml escapes the five characters that matter", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
