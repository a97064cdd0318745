import { readFileSync } from "node:fs";
import { tempTree } from "./helpers.ts";
import { join } from "node:path";
import { Linter } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import orgGuard from "../src/eslint.ts";
import { checkSource, defaultGuardConfig } from "../src/index.ts";

const corpus = join(import.meta.dirname, "corpus");
const linter = new Linter({ configType: "flat" });
const tsConfig = [
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
  },
  orgGuard.configs.recommended!,
];

function lint(code: string, filename: string) {
  return linter.verify(code, tsConfig as Linter.Config[], { filename });
}

describe("@org/guard/eslint", () => {
  it("is a flat-config plugin with meta, rules and configs.recommended", () => {
    expect(orgGuard.meta.name).toBe("@org/guard");
    expect(Object.keys(orgGuard.rules)).toEqual([
      "no-hardcoded-timeout",
      "no-unbounded-timeout",
      "no-local-cache-delete",
    ]);
    expect(orgGuard.configs.recommended).toMatchObject({ rules: { "org-guard/no-hardcoded-timeout": "error" } });
  });

  for (const file of [
    "positives.ts",
    "negatives.ts",
    "component.tsx",
    "cache-delete.ts",
    "session5.ts",
    "options.tst.ts",
    "tsd-import.ts",
  ]) {
    it(`reports exactly what the CLI reports on ${file} (one detector, two front ends)`, async () => {
      const source = readFileSync(join(corpus, file), "utf8");
      const cli = await checkSource(file, source, defaultGuardConfig(corpus));
      const eslint = lint(source, file);
      expect(eslint.filter((m) => m.fatal)).toEqual([]);
      const shape = (m: { line: number; column: number; ruleId: string | null }) =>
        `${m.line}:${m.column} ${m.ruleId?.replace("org-guard/", "")}`;
      expect(eslint.map(shape).sort()).toEqual(cli.messages.map(shape).sort());
    });
  }

  it("works with ESLint's default parser on plain JavaScript", () => {
    const messages = linter.verify(
      "socket.setTimeout(3000);\nsetTimeout(f, 3000);\n",
      [orgGuard.configs.recommended!],
      { filename: "a.js" },
    );
    expect(messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(["1:19 org-guard/no-hardcoded-timeout"]);
  });

  it("suggests config.TIMEOUT and adds the import, without autofixing", () => {
    const code = "await fetch(url, { signal: AbortSignal.timeout(5000) });\n";
    const [message] = lint(code, "a.ts");
    expect(message?.fix).toBeUndefined();
    const suggestion = message!.suggestions![0]!;
    expect(suggestion.desc).toBe("Use config.TIMEOUT from @org/config");
    const applied = code.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + code.slice(suggestion.fix.range[1]);
    expect(applied).toBe(
      'import { config } from "@org/config";\nawait fetch(url, { signal: AbortSignal.timeout(config.TIMEOUT) });\n',
    );
  });

  it("does not add the import twice", () => {
    const code = 'import { config } from "@org/config";\nconst o = { timeout: 5000 };\n';
    const [message] = lint(code, "a.ts");
    const { fix } = message!.suggestions![0]!;
    expect(code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1])).toBe(
      'import { config } from "@org/config";\nconst o = { timeout: config.TIMEOUT };\n',
    );
  });

  it("honours org-guard-ignore-next-line comments", () => {
    const code = "// org-guard-ignore-next-line no-hardcoded-timeout -- loopback only\nsocket.setTimeout(10);\n";
    expect(lint(code, "a.ts")).toEqual([]);
  });

  it("links every rule to its section of the rule reference", () => {
    for (const [id, rule] of Object.entries(orgGuard.rules)) {
      expect(rule.meta?.docs?.url).toMatch(new RegExp(`/reference/guard-rules#${id}$`));
    }
    // On the docs site this package's homepage names (scripts/release-policy.mjs keeps it there), not a placeholder.
    const { homepage } = JSON.parse(readFileSync(join(import.meta.dirname, "../package.json"), "utf8")) as {
      homepage: string;
    };
    expect(orgGuard.rules["no-hardcoded-timeout"]!.meta?.docs?.url).toBe(
      `${new URL(homepage).origin}/reference/guard-rules#no-hardcoded-timeout`,
    );
  });

  it("reads org-guard.config.json like the CLI: extra APIs and names, ignore globs, rules turned off", () => {
    const root = tempTree({
      "org-guard.config.json": JSON.stringify({
        apis: [{ language: "js", callee: "retry.wait", argument: 0 }],
        timeoutNames: ["deadline"],
        ignore: ["generated/**"],
        rules: { "no-unbounded-timeout": "off" },
      }),
      ".git/HEAD": "ref: refs/heads/main\n",
    });
    const code = "retry.wait(5000);\nconst o = { deadline: 100, timeout: 0 };\n";
    const shape = (m: { line: number; column: number; ruleId: string | null }) => `${m.line}:${m.column} ${m.ruleId}`;
    const lintAt = (path: string) =>
      new Linter({ configType: "flat", cwd: root }).verify(code, tsConfig as Linter.Config[], {
        filename: join(root, path),
      });
    expect(lintAt("src/a.ts").map(shape)).toEqual([
      "1:12 org-guard/no-hardcoded-timeout",
      "2:23 org-guard/no-hardcoded-timeout",
    ]);
    expect(lintAt("generated/a.ts")).toEqual([]);
  });

  it("lints TypeScript with the README's flat-config snippet, as written", async () => {
    const readme = readFileSync(join(import.meta.dirname, "../../../README.md"), "utf8");
    const guardSection = readme.slice(
      readme.indexOf("<!-- #region guard -->"),
      readme.indexOf("<!-- #endregion guard -->"),
    );
    const snippet = /```js\n(\/\/ eslint\.config\.mjs\n[\s\S]*?)```/.exec(guardSection)?.[1];
    expect(snippet).toBeDefined();
    // The snippet's imports, resolved from this workspace, and its default export used as ESLint's config.
    const body = snippet!
      .replace(
        /^import (\w+) from "([^"]+)";$/gm,
        (_, name: string, from: string) => `const ${name} = modules[${JSON.stringify(from)}];`,
      )
      .replace("export default", "return");
    const modules = { "@org/guard/eslint": orgGuard, "typescript-eslint": tseslint };
    const config = new Function("modules", body)(modules) as Linter.Config[];
    const messages = new Linter({ configType: "flat" }).verify(
      "const client: { timeout: number } = { timeout: 5000 };\nexport default client;\n",
      config,
      { filename: "src/client.ts" },
    );
    expect(messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(["1:48 org-guard/no-hardcoded-timeout"]);
  });
});
