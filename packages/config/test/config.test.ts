import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The `config` singleton reads process.env once, so each case runs in a fresh Node process
// against the built package, exactly as a service imports it.
const packageDir = fileURLToPath(new URL("..", import.meta.url));

function importConfig(env: Record<string, string>, expression: string) {
  const script = `import { config } from "@org/config"; console.log(JSON.stringify(${expression}));`;
  return spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: packageDir,
    env: { PATH: process.env.PATH, ...env },
    encoding: "utf8",
  });
}

describe("import { config } from '@org/config'", () => {
  it.each([
    ["dev", 5000],
    ["staging", 30000],
    ["prod", 60000],
  ])("ORG_ENV=%s gives config.TIMEOUT %i", (env, timeout) => {
    const result = importConfig({ ORG_ENV: env }, "config.TIMEOUT");
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toBe(timeout);
  });

  it("serialises to the whole frozen config", () => {
    const result = importConfig(
      { ORG_ENV: "staging" },
      "[Object.isFrozen(config), JSON.parse(JSON.stringify(config)).TIMEOUT]",
    );
    expect(JSON.parse(result.stdout)).toEqual([true, 30000]);
  });

  it("fails on first access with a ConfigError naming the variable, not a stack trace", () => {
    const result = importConfig({ ORG_TIMEOUT_MS: "30s" }, "config.TIMEOUT");
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("ORG_TIMEOUT_MS");
    expect(result.stderr).toContain("ConfigError");
  });

  it("does not read the environment at import time", () => {
    const script = `import("@org/config").then(() => console.log("imported"))`;
    const out = execFileSync(process.execPath, ["-e", script], {
      cwd: packageDir,
      env: { PATH: process.env.PATH, ORG_ENV: "nope" },
      encoding: "utf8",
    });
    expect(out.trim()).toBe("imported");
  });
});
