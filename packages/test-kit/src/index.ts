export { checkReportPage, chromiumAvailable, CHROMIUM, type PageCheck } from "./chromium.ts";
