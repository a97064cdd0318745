import { describe, expect, it } from "vitest";
import { checkSource, defaultGuardConfig } from "../src/index.ts";

const config = defaultGuardConfig(import.meta.dirname);
const messages = async (path: string, source: string) =>
  (await checkSource(path, source, config)).messages.map((m) => m.message);

describe("messages fit the language", () => {
  it("Python findings give a Python fix and # suppression syntax, never //", async () => {
    const found = await messages("a.py", "import requests\nrequests.get(url, timeout=5)\nrequests.get(url)\n");
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/config\.timeout_s from org_toolkit/);
    expect(found[1]).toMatch(/timeout=config\.timeout_s/);
    expect(found[0]).toMatch(/# org-guard-ignore-next-line no-hardcoded-timeout -- <reason>/);
    for (const message of found) expect(message).not.toMatch(/\/\/|@org\/config/);
  });

  it("JavaScript findings point at config.TIMEOUT from @org/config", async () => {
    expect(await messages("a.ts", "fetch(url, { timeout: 5000 });\n")).toEqual([
      expect.stringMatching(/Use config\.TIMEOUT from @org\/config/),
    ]);
  });

  it("test-timeout findings point at the test profile, not TIMEOUT", async () => {
    const js = await messages(
      "a.test.ts",
      'it("x", async () => {}, 10000);\njest.setTimeout(30000);\nvi.setConfig({ testTimeout: 20000 });\n',
    );
    expect(js).toHaveLength(3);
    for (const message of js) expect(message).toMatch(/config\.timeouts\.test/);
    const py = await messages("test_a.py", "import pytest\n\n@pytest.mark.timeout(5)\ndef test_x():\n    pass\n");
    expect(py).toEqual([expect.stringMatching(/config\.timeouts\.test \/ 1000 from org_toolkit/)]);
  });

  it("a WebDriver session timeout names its setter as written, with test advice only in a test file", async () => {
    const line = "await driver.manage().setTimeouts({ implicit: 5000 });\n";
    const page = await messages("login-page.js", `async function open(driver) {\n  ${line}}\n`);
    expect(page).toEqual([expect.stringMatching(/set by driver\.manage\(\)\.setTimeouts\(\)\. Use config\.TIMEOUT/)]);
    const test = await messages("login.test.js", `it("opens", async () => {\n  ${line}});\n`);
    expect(test).toEqual([
      expect.stringMatching(/set by driver\.manage\(\)\.setTimeouts\(\)\. .*config\.timeouts\.test/),
    ]);
  });

  it("an object's own timeout(ms) setter inside a class is an operation timeout, not mocha's test timeout", async () => {
    const found = await messages(
      "manager.js",
      "class Manager {\n  constructor(opts) {\n    this.timeout(null == opts.timeout ? 20000 : opts.timeout);\n  }\n}\n",
    );
    expect(found).toEqual([expect.stringMatching(/Hardcoded timeout 20000 .*Use config\.TIMEOUT from @org\/config/)]);
  });

  it("httpx's implicit 5 s default is reported as a hardcoded default, not as waiting forever", async () => {
    const [message] = await messages("a.py", "import httpx\nhttpx.get(url)\n");
    expect(message).toMatch(/httpx's built-in 5 s default/);
    expect(message).not.toMatch(/forever/);
  });
});
