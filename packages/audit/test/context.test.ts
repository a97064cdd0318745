import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CHECKLISTS } from "@org/checklists";
import { loadConfig } from "@org/config";
import { RULES } from "@org/guard";
import { describe, expect, it } from "vitest";
import { CONTEXT_FILES, generateContext } from "../src/index.ts";
import { runAudit } from "./cli.ts";

const root = join(import.meta.dirname, "../../..");

describe("org-audit context", () => {
  it("the committed AGENTS.md and copilot-instructions.md are the generated ones", async () => {
    for (const file of CONTEXT_FILES) expect(readFileSync(join(root, file), "utf8"), file).toBe(generateContext());
    expect((await runAudit(["context", "--check"], root)).code).toBe(0);
  });

  it("--check fails and says what to run when a file differs", async () => {
    const { code, stderr } = await runAudit(["context", "--check"], "/tmp");
    expect(code).toBe(1);
    expect(stderr).toContain("org-audit context --write");
  });

  it("adds the last audit's guidelines with --report, and names a file that is not a report", async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "org-audit-context-"));
    try {
      writeFileSync(
        join(dir, "audit.json"),
        JSON.stringify({
          window: { since: "2026-07-01", until: "2026-10-01" },
          guidelines: ["Never write a timeout as a literal."],
        }),
      );
      const { stdout } = await runAudit(["context", "--report", join(dir, "audit.json")], dir);
      expect(stdout).toContain("## Lessons from the last audit (2026-07-01 to 2026-10-01)");
      expect(stdout).toContain("- Never write a timeout as a literal.");
      writeFileSync(join(dir, "bad.json"), "{}");
      const bad = await runAudit(["context", "--report", join(dir, "bad.json")], dir);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain("is not an org-audit report");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("states every environment's timeouts, every region, the cache rule, every rule's examples and every checklist item", () => {
    const text = generateContext();
    for (const env of ["dev", "staging", "prod"] as const) {
      const config = loadConfig({ env: { ORG_ENV: env } });
      expect(text).toContain(`| ${env} | ${config.TIMEOUT} ms`);
      for (const region of config.regions) expect(text).toContain(`| ${region.id} | ${region.geo} |`);
    }
    expect(text).toContain("invalidate only through `@org/cache-client`");
    for (const rule of Object.values(RULES).filter((r) => r.examples.length > 0)) {
      const ts = rule.examples.find((e) => e.language === "ts")!;
      expect(text).toContain(`### \`${rule.id}\``);
      expect(text).toContain(ts.flagged);
      expect(text).toContain(ts.clean);
    }
    for (const item of CHECKLISTS.flatMap((c) => c.items)) expect(text).toContain(item.text);
  });
});
