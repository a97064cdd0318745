import { describe, expect, test } from "vitest";
import { exampleReport } from "../src/example.ts";
import { TOOL_HOOK_TIMEOUT } from "./support/profile.ts";

describe("the example report (the docs site's example page)", { timeout: TOOL_HOOK_TIMEOUT }, () => {
  test("is the same on every build, and shows both alerts and the hardcoded timeout behind the flakiest test", async () => {
    const first = await exampleReport();
    const again = await exampleReport();
    expect(again.json).toBe(first.json);
    expect(again.markdown).toBe(first.markdown);

    const { ai, human, ratio } = first.report.groups;
    // 4 AI tests x 42 runs: 9 timeouts + 6 assertion failures, all on commits where the test also passed
    expect([ai.tests, ai.flakyExecutions, ai.executions]).toEqual([4, 15, 168]);
    expect([human.tests, human.flakyExecutions, human.executions]).toEqual([4, 1, 168]);
    expect(ratio.verdict).toBe("above threshold");

    const proxy = first.report.tests.find((t) => t.id === "tests/test_proxy.py::test_proxy_request_via_api_key")!;
    expect(proxy).toMatchObject({ origin: "ai", category: "timeout", ciOnly: true, flakyExecutions: 9 });
    expect(proxy.guardFindings).toEqual([
      expect.objectContaining({ file: "tests/test_proxy.py", line: 7, source: expect.stringContaining("timeout=5") }),
    ]);
    expect(first.alerts.alerts.map((a) => a.kind).sort()).toEqual(["ratio", "test", "test"]);
    expect(first.markdown).toMatch(/^### Flakiness by origin \(since 2026-07-01\)/);
    expect(first.html).toContain("<title>Example: flakiness by origin</title>");
    expect(first.description).toContain("42 runs over 14 days");
  });
});
