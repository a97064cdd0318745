import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CONFIG_FILE, loadProvenanceConfig } from "../src/index.ts";

const dir = mkdtempSync(join(tmpdir(), "org-provenance-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("loadProvenanceConfig", () => {
  it("uses the defaults without a file", async () => {
    mkdirSync(join(dir, "empty/.git"), { recursive: true });
    const config = await loadProvenanceConfig(join(dir, "empty"));
    expect(config).toMatchObject({ policy: "detect", subjectTag: "[AI-ASSISTED]", source: "defaults" });
    expect(config.aiIdentities.some((i) => i.tool === "Claude")).toBe(true);
  });

  it("reads the nearest file, adding identities to the built-in ones", async () => {
    mkdirSync(join(dir, "repo/.git"), { recursive: true });
    mkdirSync(join(dir, "repo/pkg"), { recursive: true });
    writeFileSync(
      join(dir, "repo", CONFIG_FILE),
      JSON.stringify({ policy: "declare", aiIdentities: [{ tool: "Pairbot", emails: ["bot@pair.dev"] }] }),
    );
    const config = await loadProvenanceConfig(join(dir, "repo/pkg"));
    expect(config.policy).toBe("declare");
    expect(config.root).toBe(join(dir, "repo"));
    expect(config.aiIdentities.at(-1)).toEqual({ tool: "Pairbot", emails: ["bot@pair.dev"] });
    expect(config.aiIdentities.length).toBeGreaterThan(5);
  });

  it("names the file and every bad key", async () => {
    mkdirSync(join(dir, "bad/.git"), { recursive: true });
    const file = join(dir, "bad", CONFIG_FILE);
    writeFileSync(file, JSON.stringify({ policy: "strict", fixupPattern: "(", testGlob: ["x"] }));
    const error = await loadProvenanceConfig(join(dir, "bad")).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ORG_PROVENANCE_CONFIG" });
    const message = (error as Error).message;
    expect(message).toContain(file);
    expect(message).toMatch(/- policy: /);
    expect(message).toMatch(/- fixupPattern: not a valid regular expression/);
    expect(message).toMatch(/- testGlob: /);
  });

  it("reports a file that is not JSON", async () => {
    mkdirSync(join(dir, "broken/.git"), { recursive: true });
    writeFileSync(join(dir, "broken", CONFIG_FILE), "{ nope");
    await expect(loadProvenanceConfig(join(dir, "broken"))).rejects.toThrow(/cannot read org-audit config .*broken/);
  });
});
