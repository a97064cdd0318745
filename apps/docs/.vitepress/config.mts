import { CHECKLISTS } from "@org/checklists";
import { defineConfig } from "vitepress";

export default defineConfig({
  title: "@org engineering",
  description:
    "Timeouts and cache invalidation that hold up in production: checklists, incidents and the tools that enforce them.",
  lang: "en-US",
  cleanUrls: true,
  head: [["link", { rel: "icon", type: "image/svg+xml", href: "/favicon.svg" }]],
  lastUpdated: false,
  // Every internal link must resolve: a dead one fails the build.
  ignoreDeadLinks: false,
  // High-contrast syntax colours: the default light theme fails WCAG AA contrast (axe, color-contrast).
  markdown: { theme: { light: "github-light-high-contrast", dark: "github-dark-high-contrast" } },
  themeConfig: {
    search: { provider: "local" },
    nav: [
      { text: "Checklists", link: `/checklists/${CHECKLISTS[0]!.id}` },
      { text: "Incidents", link: "/incidents/hardcoded-timeouts" },
      { text: "Packages", link: "/packages/config" },
      { text: "Reference", link: "/reference/config" },
    ],
    sidebar: [
      { text: "Start here", items: [{ text: "Getting started", link: "/getting-started" }] },
      { text: "Review checklists", items: CHECKLISTS.map((c) => ({ text: c.title, link: `/checklists/${c.id}` })) },
      {
        text: "Incidents",
        items: [
          { text: "Hardcoded timeouts", link: "/incidents/hardcoded-timeouts" },
          { text: "Single-region cache invalidation", link: "/incidents/single-region-invalidation" },
        ],
      },
      {
        text: "Process",
        items: [
          { text: "AI code review", link: "/process/ai-code-review" },
          { text: "Test coverage requirements", link: "/process/test-coverage" },
          { text: "Flakiness monitoring", link: "/process/flakiness" },
          { text: "Quarterly AI code audit", link: "/process/quarterly-audit" },
        ],
      },
      {
        text: "Packages",
        items: [
          { text: "@org/config", link: "/packages/config" },
          { text: "@org/http", link: "/packages/http" },
          { text: "@org/guard", link: "/packages/guard" },
          { text: "@org/cache-client", link: "/packages/cache-client" },
          { text: "@org/provenance", link: "/packages/provenance" },
          { text: "@org/audit (org-audit)", link: "/packages/audit" },
          { text: "org-toolkit (Python)", link: "/packages/python" },
        ],
      },
      {
        text: "Reference (generated)",
        items: [
          { text: "Configuration", link: "/reference/config" },
          { text: "Region topology", link: "/reference/topology" },
          { text: "Guard rules", link: "/reference/guard-rules" },
        ],
      },
    ],
  },
});
