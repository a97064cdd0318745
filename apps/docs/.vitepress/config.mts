import { fileURLToPath } from "node:url";
import { defineConfig } from "vitepress";
import { generateSite } from "./generate/index.ts";

// Generated pages (reference, checklists, package pages, ...) are written from their sources first,
// so the build, the dev server and the local search index all see them as ordinary Markdown pages.
const site = await generateSite(fileURLToPath(new URL("..", import.meta.url)));
for (const warning of site.warnings) console.warn(`docs: ${warning}`);

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
  vite: {
    resolve: {
      alias: [
        {
          // The default search button's aria-label ("Search") differs from its visible text ("Search Ctrl K"):
          // axe 4.14 label-content-name-mismatch. Ours takes its name from its text.
          find: /^.*\/VPNavBarSearchButton\.vue$/,
          replacement: fileURLToPath(new URL("./theme/SearchButton.vue", import.meta.url)),
        },
      ],
    },
  },
  themeConfig: {
    search: {
      provider: "local",
      options: {
        // Pages are indexed from their Markdown; generated pages may add sections that their Markdown
        // only renders through a component (each checklist item).
        _render(src, env, md) {
          const html = md.render(src, env);
          if (env.frontmatter?.search === false) return "";
          return html + (site.searchExtras.get(env.relativePath) ?? "");
        },
      },
    },
    outline: { level: [2, 3] },
    nav: [
      { text: "Install", link: "/install" },
      { text: "Checklists", link: site.checklists[0]!.link },
      { text: "Packages", link: site.packages[0]!.link },
      { text: "Reference", link: "/reference/config" },
      { text: "API", link: "/api/" },
      { text: "Design", link: "/design/" },
      { text: "Troubleshooting", link: "/troubleshooting" },
    ],
    sidebar: [
      {
        text: "Start here",
        items: [
          { text: "Getting started", link: "/getting-started" },
          { text: "Install", link: "/install" },
          { text: "Troubleshooting", link: "/troubleshooting" },
          { text: "Python guide", link: "/python" },
          ...site.start,
        ],
      },
      { text: "Review checklists", items: site.checklists },
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
          ...site.process,
        ],
      },
      { text: "Packages", items: site.packages },
      { text: "Reference (generated)", items: site.reference },
      { text: "API reference", items: site.api },
      {
        text: "Design notes",
        items: [{ text: "All design notes", link: "/design/" }, ...site.design],
      },
    ],
  },
});
