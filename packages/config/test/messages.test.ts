import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { configCli } from "../src/cli.ts";
import { ConfigError, loadConfig } from "../src/index.ts";

// Issue 13, "Config": the seed's topology bug is refused, one problem gives one message.

async function cli(argv: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await configCli("0").run(argv, { env, stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

const usEast = JSON.stringify([
  {
    id: "us-east-1",
    geo: "US",
    clusters: ["a", "b"].map((s) => ({ id: `us-east-1-${s}`, url: `rediss://us-east-1-${s}.redis.internal:6380` })),
  },
]);

function tempFile(contents: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), "org-config-msg-")), "org.json");
  writeFileSync(path, JSON.stringify(contents));
  return path;
}

describe("a staging or prod topology must cover the environment's profile", () => {
  it.each(["prod", "staging"])(
    "ORG_ENV=%s with us-east-1 only exits 1 naming eu-west-1 and ap-southeast-1",
    async (env) => {
      const result = await cli(["validate"], { ORG_ENV: env, ORG_REGIONS: usEast });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `ORG_REGIONS: lacks regions eu-west-1, ap-southeast-1 of the ${env} profile (1 region given)`,
      );
    },
  );

  it("dev accepts any topology", async () => {
    expect((await cli(["validate"], { ORG_ENV: "dev", ORG_REGIONS: usEast.replaceAll("rediss", "redis") })).code).toBe(
      0,
    );
  });

  it("allowMissingRegions in the config file opts out, and validate warns about each region", async () => {
    const file = tempFile({ allowMissingRegions: ["eu-west-1", "ap-southeast-1"] });
    const result = await cli(["validate"], { ORG_ENV: "prod", ORG_REGIONS: usEast, ORG_CONFIG_FILE: file });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("ok: prod configuration is valid (TIMEOUT 60000 ms, 1 region, 2 clusters)");
    expect(result.stderr.split("\n")).toEqual([
      "warning: region eu-west-1 of the prod profile is left out (allowMissingRegions): invalidations will not reach it",
      "warning: region ap-southeast-1 of the prod profile is left out (allowMissingRegions): invalidations will not reach it",
    ]);
  });

  it("an opt-out for one region still refuses the other", async () => {
    const file = tempFile({ allowMissingRegions: ["ap-southeast-1"] });
    const result = await cli(["validate"], { ORG_ENV: "prod", ORG_REGIONS: usEast, ORG_CONFIG_FILE: file });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("lacks region eu-west-1 of the prod profile");
  });
});

describe("one problem, one message", () => {
  it("a typo'd key in a config file is reported once, with its file and a suggestion", async () => {
    const file = tempFile({ Timeout: 5000 });
    let error: ConfigError | undefined;
    try {
      loadConfig({ file });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error?.issues).toEqual([
      {
        source: `config file ${file} at $.Timeout`,
        key: "Timeout",
        message: expect.stringContaining('"Timeout" is not a setting; did you mean "TIMEOUT"?'),
      },
    ]);
  });

  it("a nested typo suggests the nested setting", async () => {
    const file = tempFile({ cache: { opTimeoutMS: 5 } });
    expect(() => loadConfig({ file })).toThrow(/did you mean "cache.opTimeoutMs"\?/);
  });

  it("plurals are right", async () => {
    expect((await cli(["validate"], { ORG_ENV: "staging" })).stdout).toBe(
      "ok: staging configuration is valid (TIMEOUT 30000 ms, 3 regions, 6 clusters)",
    );
    expect(() => loadConfig({ env: { ORG_TIMEOUT_MS: "x" } })).toThrow(/\(1 problem\)/);
  });
});

describe("a runtime ConfigError", () => {
  it("prints the message and the problems, and keeps the validator's error as a cause inspect does not dump", async () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ env: { ORG_CACHE_OP_TIMEOUT_MS: "0", ORG_ENV: "qa" } });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error?.cause).toBeDefined();
    const shown = inspect(error);
    expect(shown).toContain("Invalid @org configuration (2 problems)");
    expect(shown).toContain("ORG_CACHE_OP_TIMEOUT_MS");
    expect(shown).not.toContain("ZodError");
    expect(shown).not.toContain("[cause]");
  });

  it("an uncaught one in a service prints no validator dump", async () => {
    const packageDir = fileURLToPath(new URL("..", import.meta.url));
    const result = spawnSync(
      process.execPath,
      ["--input-type=module", "-e", 'import { config } from "@org/config"; config.TIMEOUT;'],
      {
        cwd: packageDir,
        env: { PATH: process.env.PATH, ORG_TIMEOUT_MS: "-5" },
        encoding: "utf8",
      },
    );
    expect(result.stderr).toContain("ORG_TIMEOUT_MS: must be a positive whole number");
    expect(result.stderr).not.toContain('"expected"');
    expect(result.stderr).toMatch(/cause.*validator issue/);
    expect(result.stderr.split("\n").length).toBeLessThan(40);
  });
});
