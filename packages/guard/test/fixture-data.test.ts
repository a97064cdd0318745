import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultGuardConfig } from "../src/index.ts";
import { isPython } from "../src/extensions.ts";
import { corpusPackage } from "./helpers.ts";

// A fixtures folder of canned data (SoftLayer's fake API responses): in test/corpus/fixture-data/<name>, a trailing
// `# expect: <rule>` marks each line that must be flagged when the file is checked with its path and package facts.
const root = join(import.meta.dirname, "corpus/fixture-data");
const config = defaultGuardConfig(root);
const { expected, found, facts } = corpusPackage(root, join(root, "cannedapi"), isPython, config);

describe("Python: canned data in a fixtures folder bounds nothing", () => {
  it("the timeouts of data-only fixture modules are not reported; a fixtures module with code and the client are", async () => {
    expect(await found(await facts())).toEqual(expected);
  });

  it("sets the fixture data aside for a lone file too (no package pass, as a commit-sized check sees it)", async () => {
    const alone = await found();
    expect(alone.filter((finding) => finding.includes("LoadBalancer.py"))).toEqual([]);
    expect(alone).toContain("cannedapi/cannedapi/client.py:4: no-hardcoded-timeout");
  });
});
