import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ConfigError, connectionUrl, loadConfig, type OrgConfig } from "../src/index.ts";

function configError(load: () => OrgConfig): ConfigError {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error("expected loadConfig to throw a ConfigError");
}

function tempFile(name: string, contents: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "org-config-")), name);
  writeFileSync(path, contents);
  return path;
}

const topologyWith = (url: string) =>
  ["us-east-1", "eu-west-1", "ap-southeast-1"].map((id, r) => ({
    id,
    geo: ["US", "EU", "APAC"][r],
    clusters: ["a", "b"].map((s) => ({ id: `${id}-${s}`, url, mode: "standalone" })),
  }));

describe("environment timeouts", () => {
  it.each([
    ["dev", 5000],
    ["staging", 30000],
    ["prod", 60000],
  ])("ORG_ENV=%s gives TIMEOUT %i", (env, timeout) => {
    expect(loadConfig({ env: { ORG_ENV: env } }).TIMEOUT).toBe(timeout);
  });

  it("defaults to dev when ORG_ENV is unset outside production", () => {
    const config = loadConfig({ env: {} });
    expect(config.ENV).toBe("dev");
    expect(config.TIMEOUT).toBe(5000);
  });

  it("ORG_TIMEOUT_MS overrides the profile, and derived timeouts follow it", () => {
    const config = loadConfig({ env: { ORG_ENV: "staging", ORG_TIMEOUT_MS: "45000" } });
    expect(config.TIMEOUT).toBe(45000);
    expect(config.timeouts.test).toBe(45000 * 4);
    expect(config.timeouts.connect).toBe(10000);
  });

  it("clamps the derived connect timeout to a smaller TIMEOUT", () => {
    expect(loadConfig({ env: { ORG_TIMEOUT_MS: "1500" } }).timeouts.connect).toBe(1500);
  });

  it.each(["30s", "-5", "abc", "0", "600001", "1.5", ""])("rejects ORG_TIMEOUT_MS=%j naming the variable", (value) => {
    const error = configError(() => loadConfig({ env: { ORG_TIMEOUT_MS: value } }));
    expect(error.code).toBe("ORG_CONFIG_INVALID");
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.source).toBe("ORG_TIMEOUT_MS");
    expect(error.message).toContain("ORG_TIMEOUT_MS");
    expect(error.message).toContain(JSON.stringify(value));
  });

  it("rejects an unknown ORG_ENV naming the variable and the allowed values", () => {
    const error = configError(() => loadConfig({ env: { ORG_ENV: "stagign" } }));
    expect(error.message).toMatch(/ORG_ENV: must be one of dev, staging, prod \(got "stagign"\)/);
  });

  it("refuses to guess dev timeouts when NODE_ENV=production and ORG_ENV is unset", () => {
    const error = configError(() => loadConfig({ env: { NODE_ENV: "production" } }));
    expect(error.issues.map((i) => i.source)).toEqual(["ORG_ENV"]);
    expect(error.message).toContain("NODE_ENV=production");
    expect(loadConfig({ env: { NODE_ENV: "production", ORG_ENV: "prod" } }).TIMEOUT).toBe(60000);
  });

  it("lists every problem at once", () => {
    const error = configError(() =>
      loadConfig({ env: { ORG_ENV: "qa", ORG_TIMEOUT_MS: "30s", ORG_CACHE_OP_TIMEOUT_MS: "-1" } }),
    );
    expect(error.issues.map((i) => i.source).sort()).toEqual(["ORG_CACHE_OP_TIMEOUT_MS", "ORG_ENV", "ORG_TIMEOUT_MS"]);
  });
});

describe("region topology", () => {
  it("has three regions with two clusters each by default, in every environment", () => {
    for (const env of ["dev", "staging", "prod"]) {
      const { regions } = loadConfig({ env: { ORG_ENV: env } });
      expect(regions.map((r) => [r.id, r.geo, r.clusters.length])).toEqual([
        ["us-east-1", "US", 2],
        ["eu-west-1", "EU", 2],
        ["ap-southeast-1", "APAC", 2],
      ]);
    }
  });

  it("dev points at loopback", () => {
    const urls = loadConfig({}).regions.flatMap((r) => r.clusters.map((c) => c.url));
    expect(urls.every((url) => url.startsWith("redis://127.0.0.1:"))).toBe(true);
    expect(new Set(urls).size).toBe(6);
  });

  it("can be replaced whole by ORG_REGIONS", () => {
    const regions = topologyWith("redis://10.0.0.1:6379").slice(0, 1);
    const config = loadConfig({ env: { ORG_REGIONS: JSON.stringify(regions) } });
    expect(config.regions.map((r) => r.id)).toEqual(["us-east-1"]);
    expect(config.topology.regions).toBe(config.regions);
  });

  it("reports ORG_REGIONS that is not JSON without echoing it", () => {
    const error = configError(() => loadConfig({ env: { ORG_REGIONS: "[{redis://u:hunter2@x}" } }));
    expect(error.issues[0]!.source).toBe("ORG_REGIONS");
    expect(error.message).toContain("not valid JSON");
    expect(error.message).not.toContain("hunter2");
  });

  it("validates ids, cluster counts and URL schemes with JSON paths", () => {
    const regions = topologyWith("redis://127.0.0.1:6379");
    regions[1]!.id = "us-east-1";
    regions[2]!.clusters = regions[2]!.clusters.slice(0, 1);
    regions[0]!.clusters[1]!.url = "http://127.0.0.1:6379";
    const error = configError(() => loadConfig({ env: { ORG_REGIONS: JSON.stringify(regions) } }));
    const text = error.issues.map((i) => `${i.source}: ${i.message}`);
    expect(text).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ORG_REGIONS at \$\[1\]\.id: duplicate region id "us-east-1"/),
        expect.stringMatching(/^ORG_REGIONS at \$\[2\]\.clusters: needs at least 2 Redis clusters/),
        expect.stringMatching(/^ORG_REGIONS at \$\[0\]\.clusters\[1\]\.url: must be a redis:\/\/ or rediss:\/\/ URL/),
      ]),
    );
  });

  it("rejects duplicate cluster ids across regions", () => {
    const regions = topologyWith("redis://127.0.0.1:6379");
    regions[2]!.clusters[0]!.id = "us-east-1-a";
    const error = configError(() => loadConfig({ env: { ORG_REGIONS: JSON.stringify(regions) } }));
    expect(error.message).toContain('duplicate cluster id "us-east-1-a"');
  });

  it("requires TLS (rediss://) in prod only", () => {
    const plain = JSON.stringify(topologyWith("redis://:secret@10.1.1.1:6379"));
    expect(loadConfig({ env: { ORG_ENV: "staging", ORG_REGIONS: plain } }).regions).toHaveLength(3);
    const error = configError(() => loadConfig({ env: { ORG_ENV: "prod", ORG_REGIONS: plain } }));
    expect(error.issues).toHaveLength(6);
    expect(error.issues[0]!.message).toBe("must use rediss:// (TLS) in prod");
    expect(error.message).not.toContain("secret");
  });
});

describe("config file", () => {
  it("layers defaults < profile < file < env vars", () => {
    const file = tempFile("org.json", JSON.stringify({ TIMEOUT: 40000, cache: { opTimeoutMs: 700 } }));
    const fromFile = loadConfig({ env: { ORG_ENV: "staging", ORG_CONFIG_FILE: file } });
    expect(fromFile.TIMEOUT).toBe(40000);
    expect(fromFile.cache).toEqual({ maxTtlMs: 300000, opTimeoutMs: 700 });
    const envWins = loadConfig({ env: { ORG_ENV: "staging", ORG_CONFIG_FILE: file, ORG_TIMEOUT_MS: "50000" } });
    expect(envWins.TIMEOUT).toBe(50000);
  });

  it("puts loadConfig values over the file and environment variables over both", () => {
    const file = tempFile("org.json", JSON.stringify({ TIMEOUT: 40000, cache: { maxTtlMs: 1000 } }));
    const values = { TIMEOUT: 45000 };
    expect(loadConfig({ file, values }).TIMEOUT).toBe(45000);
    expect(loadConfig({ file, values }).cache.maxTtlMs).toBe(1000);
    expect(loadConfig({ file, values, env: { ORG_TIMEOUT_MS: "50000" } }).TIMEOUT).toBe(50000);
    const error = configError(() => loadConfig({ file, values, env: { ORG_TIMEOUT_MS: "0" } }));
    expect(error.issues.map((issue) => issue.source)).toEqual(["ORG_TIMEOUT_MS"]);
  });

  it("reads text only from environment variables: a string where a number belongs in a file is refused", () => {
    const file = tempFile("org.json", JSON.stringify({ TIMEOUT: "30000", regions: "[]" }));
    const error = configError(() => loadConfig({ file }));
    expect(error.issues.map(({ source, message }) => ({ source, message }))).toEqual([
      {
        source: `config file ${file} at $.TIMEOUT`,
        message: 'must be a whole number of milliseconds (for example 30000) (got "30000")',
      },
      { source: `config file ${file} at $.regions`, message: expect.stringContaining("expected array") },
    ]);
  });

  it("ORG_ENV wins over the environment a file names, and picks the profile", () => {
    const file = tempFile("org.json", JSON.stringify({ ENV: "prod" }));
    expect(loadConfig({ file, env: { ORG_ENV: "staging" } })).toMatchObject({ ENV: "staging", TIMEOUT: 30000 });
  });

  it("may choose the environment", () => {
    const file = tempFile("org.json", JSON.stringify({ ENV: "prod" }));
    expect(loadConfig({ file }).TIMEOUT).toBe(60000);
  });

  it("names the file and JSON path of a bad value", () => {
    const file = tempFile("org.json", JSON.stringify({ timeouts: { connect: "soon" } }));
    const error = configError(() => loadConfig({ file }));
    expect(error.issues[0]!.source).toBe(`config file ${file} at $.timeouts.connect`);
  });

  it("refuses unknown keys, each once, before they are loaded", () => {
    const file = tempFile("org.json", JSON.stringify({ TIMEOUTS: 5000 }));
    const error = configError(() => loadConfig({ env: { ORG_CONFIG_FILE: file } }));
    expect(error.message).toContain('"TIMEOUTS" is not a setting');
    expect(error.issues[0]!.source).toContain(`(from ORG_CONFIG_FILE)`);
  });

  it("reports malformed JSON and missing files by name", () => {
    const broken = tempFile("broken.json", "{ TIMEOUT: 5000 ");
    expect(configError(() => loadConfig({ file: broken })).message).toMatch(/broken\.json: is not valid JSON/);
    const missing = join(tmpdir(), "does-not-exist-org.json");
    expect(configError(() => loadConfig({ file: missing })).message).toContain("cannot be read (ENOENT)");
  });
});

describe("secrets", () => {
  const regions = topologyWith("rediss://svc:hunter2@redis.internal:6380?password=alsoSecret");
  const config = loadConfig({ env: { ORG_ENV: "prod", ORG_REGIONS: JSON.stringify(regions) } });

  it("never appear in inspect or JSON output", () => {
    for (const text of [inspect(config, { depth: 10, showHidden: true }), JSON.stringify(config)]) {
      expect(text).not.toContain("hunter2");
      expect(text).not.toContain("alsoSecret");
      expect(text).toContain("rediss://***@redis.internal:6380");
    }
  });

  it("stay reachable for the Redis client through connectionUrl", () => {
    expect(connectionUrl(config.regions[0]!.clusters[0]!)).toBe(
      "rediss://svc:hunter2@redis.internal:6380?password=alsoSecret",
    );
  });
});

describe("the loaded config", () => {
  it("is deeply frozen", () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.regions[0]!.clusters[0])).toBe(true);
    expect(() => {
      (config as { TIMEOUT: number }).TIMEOUT = 1;
    }).toThrow(TypeError);
  });
});
