import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { configCli } from "../src/cli.ts";

async function run(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await configCli("1.2.3").run(argv, { env, stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

describe("org-config", () => {
  it("prints env lines for non-Node services", async () => {
    const { code, stdout } = await run(["env"], { ORG_ENV: "staging" });
    expect(code).toBe(0);
    expect(stdout.split("\n")).toEqual(
      expect.arrayContaining([
        "ORG_ENV=staging",
        "ORG_TIMEOUT_MS=30000",
        "ORG_TIMEOUT_S=30",
        "ORG_CONNECT_TIMEOUT_MS=10000",
      ]),
    );
  });

  it("print --env overrides ORG_ENV, in every format", async () => {
    expect((await run(["print", "--env", "prod", "--format", "env"], { ORG_ENV: "dev" })).stdout).toContain(
      "ORG_TIMEOUT_MS=60000",
    );
    expect(JSON.parse((await run(["print", "--env", "prod", "--format", "json"])).stdout).TIMEOUT).toBe(60000);
    expect((await run(["print", "--env", "staging"])).stdout).toMatch(/TIMEOUT\s+30000 ms/);
  });

  it("never prints credentials", async () => {
    const regions = ["us-east-1", "eu-west-1"].map((id) => ({
      id,
      geo: "US",
      clusters: ["a", "b"].map((s) => ({ id: `${id}-${s}`, url: "redis://admin:topsecret@10.0.0.1:6379" })),
    }));
    for (const format of ["table", "json", "env"]) {
      const { code, stdout } = await run(["print", "--format", format], { ORG_REGIONS: JSON.stringify(regions) });
      expect(code).toBe(0);
      expect(stdout).not.toContain("topsecret");
    }
  });

  it("validate exits 0 when valid and 1 listing the problems", async () => {
    expect(await run(["validate"], { ORG_ENV: "staging" })).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("ok: staging"),
    });
    const bad = await run(["validate"], { ORG_ENV: "stagign", ORG_TIMEOUT_MS: "-5" });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("ORG_ENV");
    expect(bad.stderr).toContain("ORG_TIMEOUT_MS");
  });

  it("schema prints a JSON Schema whose keys are all optional in the file", async () => {
    const schema = JSON.parse((await run(["schema"])).stdout);
    expect(schema.$schema).toContain("json-schema.org");
    expect(Object.keys(schema.properties)).toEqual([
      "ENV",
      "TIMEOUT",
      "timeouts",
      "regions",
      "allowMissingRegions",
      "cache",
    ]);
    expect(schema.required).toBeUndefined();
    expect(schema.properties.TIMEOUT.maximum).toBe(600000);
  });

  it("answers usage errors with exit 2 and a pointer to --help", async () => {
    for (const argv of [
      [],
      ["frobnicate"],
      ["print", "--format", "yaml"],
      ["print", "--env", "qa"],
      ["print", "--bogus"],
    ]) {
      const result = await run(argv);
      expect(result.code, argv.join(" ")).toBe(2);
      expect(result.stderr).toContain("org-config --help");
    }
  });

  it("has --help and --version", async () => {
    expect(await run(["--help"])).toMatchObject({ code: 0, stdout: expect.stringContaining("Usage: org-config") });
    expect((await run(["-v"])).stdout).toBe("1.2.3");
  });
});

describe("configReference()", () => {
  it("lists every setting with its variable and the dev/staging/prod timeouts", async () => {
    const { configReference } = await import("../src/index.ts");
    const rows = configReference();
    const timeout = rows.find((r) => r.key === "TIMEOUT")!;
    expect(timeout).toMatchObject({
      env: "ORG_TIMEOUT_MS",
      type: "integer",
      defaults: { dev: "5000", staging: "30000", prod: "60000" },
    });
    expect(timeout.description).toContain("timeout");
    expect(rows.find((r) => r.key === "regions")).toMatchObject({ sensitive: true, type: "array" });
    expect(rows.map((r) => r.env)).toContain("ORG_CACHE_OP_TIMEOUT_MS");
  });
});

describe("env formats and the README", () => {
  const readme = readFileSync(fileURLToPath(new URL("../../../README.md", import.meta.url)), "utf8");

  it("the README's settings table is the generated one", async () => {
    const table = /<!-- #region config-table -->\n\n([\s\S]*?)\n\n<!-- #endregion config-table -->/.exec(readme)?.[1];
    expect(table).toBe((await run(["reference", "--format", "markdown"])).stdout);
  });

  it("--format shell exports single-quoted values, dotenv double-quotes them, json is one object", async () => {
    const shell = (await run(["env", "--format", "shell"], { ORG_ENV: "staging" })).stdout.split("\n");
    expect(shell).toContain("export ORG_TIMEOUT_MS='30000'");
    expect(shell.every((line) => /^export ORG_[A-Z_]+='[^']*'$/.test(line))).toBe(true);
    expect((await run(["env", "--format", "dotenv"], { ORG_ENV: "staging" })).stdout).toContain('ORG_TIMEOUT_S="30"');
    expect(JSON.parse((await run(["env", "--format", "json"], { ORG_ENV: "prod" })).stdout)).toMatchObject({
      ORG_TIMEOUT_MS: "60000",
      ORG_CALL_TIMEOUT_MS: "180000",
    });
    expect((await run(["env"], { ORG_ENV: "staging" })).stdout.split("\n")[1]).toBe("ORG_TIMEOUT_MS=30000");
  });

  it("the README's Python line works as written in bash, with the built bin", async () => {
    const line = /^eval "\$\(org-config env --format shell\)" && python3 -c .*$/m.exec(readme)?.[0];
    expect(line).toBeDefined();
    // What `npm install` links: an org-config command on PATH, here pointing at the built bin.
    const bin = mkdtempSync(join(tmpdir(), "org-config-bin-"));
    symlinkSync(fileURLToPath(new URL("../bin/org-config.js", import.meta.url)), join(bin, "org-config"));
    // stdin not a socket: bash would then source ~/.bashrc as if run by sshd.
    const result = spawnSync("bash", ["-c", line!], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { HOME: process.env.HOME, PATH: `${bin}:${process.env.PATH}`, ORG_ENV: "staging" },
      encoding: "utf8",
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe("30");
  });
});
