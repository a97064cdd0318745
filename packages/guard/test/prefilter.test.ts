import { describe, expect, it } from "vitest";
import { checkSource, defaultGuardConfig } from "../src/index.ts";
import { mightHoldTimeout } from "../src/prefilter.ts";

const config = defaultGuardConfig(import.meta.dirname);
// The word "timeout" is spelled nowhere below: these files pass the prefilter by their test calls alone.
const lastArgument = (body: string) => `import { it } from "vitest";\n${body}\n`;

describe("prefilter: test calls whose last argument may be a time limit", () => {
  it("a TypeScript file whose test calls all stop at their callback is not checked", () => {
    const source = lastArgument(
      [
        `it("parses (a, b)", () => { expect(f("x, y)")).toBe(\`\${g({ a: [1, 2] })}, z\`); });`,
        `it('works', async () => {\n  // a comment (with, commas\n  /* and ), more */ await run(1, 2, 3);\n});`,
        `beforeEach(() => setup(1, 2));`,
        `// it("was", () => { run(\`), 1, 2\`); }`,
      ].join("\n"),
    );
    expect(mightHoldTimeout(source, config, "js", true)).toBe(false);
  });

  it("finds the trailing limit behind strings, templates and comments full of brackets and commas", async () => {
    const source = lastArgument(
      `it(\`handles \${"(,"} and \${\`nested \${[1, 2].join(")")}\`}\`, () => {\n  // ), (\n  expect(")").toBe(",");\n}, 5000);`,
    );
    expect(mightHoldTimeout(source, config, "js", true)).toBe(true);
    const result = await checkSource("a.test.ts", source, config);
    expect(result.messages.map((m) => [m.line, m.ruleId])).toEqual([[5, "no-hardcoded-timeout"]]);
  });

  it("a hook with a limit after its callback is checked", () => {
    expect(
      mightHoldTimeout(lastArgument(`beforeAll(async () => { await start(); }, 30_000);`), config, "js", true),
    ).toBe(true);
  });

  it("reads regular expressions; a division (which the scan cannot tell for certain) counts as enough", () => {
    const regex = lastArgument(`it("matches", () => { expect(s).toMatch(/[/)]\\/(/); expect(t).toBe(x); });`);
    expect(mightHoldTimeout(regex, config, "js", true)).toBe(false);
    const division = lastArgument(`it("divides", () => expect(a / b).toBe(1));`);
    expect(mightHoldTimeout(division, config, "js", true)).toBe(true);
  });

  it("outside TypeScript (JSX text may hold a lone quote) any test call counts, unscanned", () => {
    const source = lastArgument(`it("renders", () => { render(<p>Hello</p>); });\nit("runs", () => run(1, 2));`);
    expect(mightHoldTimeout(source, config, "js", false)).toBe(true);
    expect(mightHoldTimeout(source.replace("<p>Hello</p>", "null"), config, "js", true)).toBe(false);
  });
});

describe("prefilter: the calls that make a file worth checking", () => {
  // The callee patterns are scanned as three expressions (words, calls after a dot, calls by name) with the names
  // grouped by first letter: the same files pass as with one alternation of them all.
  const passes = (source: string) => mightHoldTimeout(source, config, "js", true);

  it("a callee counts as a name of its own, in any case, with its members and spaces", () => {
    expect(passes("const r = await axios (url);")).toBe(true);
    expect(passes("const app = Fastify();")).toBe(true);
    expect(passes("await MongoClient . connect(uri);")).toBe(true);
    expect(passes("await page.goto(url);")).toBe(true);
    expect(passes("await client . del(key);")).toBe(true);
  });

  it("not as a member or the end of a longer word, nor without its call", () => {
    expect(passes("api.axios(url); myfetch(url); $fetch(url);")).toBe(false);
    expect(passes("const { MongoClient } = mongodb; mongoose = null; page.gotoNext(); x.delete(k);")).toBe(false);
  });
});

// Session 58: Sentry's `flush(timeout)` is found through the module's import, not a per-callee alternative each.
describe("prefilter: modules whose callees take a timeout", () => {
  it("checks a file that imports Sentry and flushes with a literal, though it never spells the word", async () => {
    const source =
      'import * as Sentry from "@sentry/node";\nexport async function done() {\n  await Sentry.flush(2000);\n}\n';
    expect(mightHoldTimeout(source, config, "js", false)).toBe(true);
    const result = await checkSource("handler.js", source, config);
    expect(result.messages.map((m) => [m.line, m.ruleId])).toEqual([[3, "no-hardcoded-timeout"]]);
  });

  it("still skips a file that closes something without a Sentry import or a timeout word", () => {
    expect(mightHoldTimeout("export function stop(server) {\n  server.close(2000);\n}\n", config, "js", false)).toBe(
      false,
    );
  });
});
