import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// A dtslint test (taiko's `types/taiko/test/page-actions.ts`): compiled against the declarations, never run.
const dtslint = [
  `import { click, goto } from "taiko";`,
  `click("Get Started", { navigationTimeout: 60000 }); // $ExpectType Promise<void>`,
  `// $ExpectType Promise<Response>`,
  `goto("example.com", { timeout: 10000 });`,
].join("\n");

describe("dtslint type tests are never run", () => {
  it("a file with $ExpectType assertions under types/<name>/test/ has no finding", async () => {
    expect(await findingLines("types/taiko/test/page-actions.ts", dtslint)).toEqual([]);
  });

  it("so is one in a test-d/ or dtslint/ folder, with $ExpectError", async () => {
    const source = dtslint.replace("// $ExpectType Promise<Response>", "// $ExpectError");
    expect(await findingLines("test-d/options.ts", source)).toEqual([]);
    expect(await findingLines("packages/x/dtslint/index.ts", source)).toEqual([]);
  });

  it("the same calls in a file that runs are found", async () => {
    expect(await findingLines("test/page-actions.ts", dtslint)).toEqual([
      "2: no-hardcoded-timeout",
      "4: no-hardcoded-timeout",
    ]);
  });

  it("a file under types/ without dtslint assertions still runs for all we know, and is checked", async () => {
    const plain = dtslint.replace(/\/\/ \$ExpectType.*$/gm, "");
    expect(await findingLines("types/taiko/test/page-actions.ts", plain)).toEqual([
      "2: no-hardcoded-timeout",
      "4: no-hardcoded-timeout",
    ]);
  });
});

// cypress-wait-until's `cypress/types/plugin.spec.ts`: top-level commands and no test, type-checked by `tsc` only.
const typesSpec = [
  `/// <reference types="cypress" />`,
  `cy.waitUntil(() => true, { timeout: 500 })`,
  `cy.waitUntil<boolean>(() => Promise.resolve(true), { timeout: 500 })`,
].join("\n");

describe("a spec in a types/ folder that registers no test is never run", () => {
  it("its options have no finding", async () => {
    expect(await findingLines("cypress/types/plugin.spec.ts", typesSpec)).toEqual([]);
    expect(await findingLines("typings/client.test.ts", typesSpec)).toEqual([]);
  });

  it("the same spec with a test in it runs, and is checked", async () => {
    const running = `${typesSpec}\nit("waits", () => { cy.waitUntil(() => true, { timeout: 600 }) })`;
    expect(await findingLines("cypress/types/plugin.spec.ts", running)).toEqual([
      "2: no-hardcoded-timeout",
      "3: no-hardcoded-timeout",
      "4: no-hardcoded-timeout",
    ]);
  });

  it("a spec-named file outside a types/ folder is checked", async () => {
    expect(await findingLines("cypress/e2e/plugin.spec.ts", typesSpec)).toEqual([
      "2: no-hardcoded-timeout",
      "3: no-hardcoded-timeout",
    ]);
  });
});
