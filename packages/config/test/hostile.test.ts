import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { configCli } from "../src/cli.ts";
import {
  ConfigError,
  connectionUrl,
  loadConfig,
  redactUrl,
  RedactedUrlError,
  type LoadConfigOptions,
} from "../src/index.ts";

// Issue 14: every hostile input gives a ConfigError naming its source, within bounded time and
// memory, and no secret reaches a message, inspect output, JSON or the CLI.

function configError(options: LoadConfigOptions): ConfigError {
  let thrown: unknown;
  try {
    loadConfig(options);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ConfigError);
  return thrown as ConfigError;
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "org-config-hostile-"));
}

function tempFile(contents: string | Buffer, name = "org.json"): string {
  const path = join(tempDir(), name);
  writeFileSync(path, contents);
  return path;
}

async function cli(argv: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await configCli("0").run(argv, { env, stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

const regionsWith = (url: string, ids = ["us-east-1", "eu-west-1", "ap-southeast-1"]) =>
  ids.map((id) => ({ id, geo: "X", clusters: ["a", "b"].map((s) => ({ id: `${id}-${s}`, url })) }));

describe("14.3 a password holding a raw / is never printed", () => {
  const url = "rediss://default:Zm9v+YmFy/cXV4==@host:6380";

  it("redactUrl hides everything up to the last @", async () => {
    expect(redactUrl(url)).toBe("rediss://***@host:6380");
    expect(redactUrl("redis://u:123/x@h:6379")).toBe("redis://***@h:6379");
  });

  it("the loader refuses the URL, and neither the error nor print shows the password", async () => {
    const env = { ORG_ENV: "staging", ORG_REGIONS: JSON.stringify(regionsWith(url)) };
    const error = configError({ env });
    expect(error.message).toContain("percent-encode it as %2F");
    for (const text of [error.message, inspect(error, { depth: 10, showHidden: true }), JSON.stringify(error)]) {
      expect(text).not.toContain("cXV4");
      expect(text).not.toContain("Zm9v");
    }
    const printed = await cli(["print", "--format", "json"], env);
    expect(printed.code).toBe(1);
    expect(printed.stdout + printed.stderr).not.toContain("cXV4");
  });
});

describe("14.4 secret query names are matched by fragment", () => {
  it.each(["client_secret", "refresh_token", "id_token", "x-api-key", "private_token", "X-Amz-Signature", "password"])(
    "%s",
    (name) => {
      expect(redactUrl(`https://h/p?${name}=hunter2&page=2`)).toBe(`https://h/p?${name}=***&page=2`);
    },
  );
});

describe("14.6 JSON errors give a position, never the text", () => {
  it("a trailing comma in ORG_REGIONS does not show the password around it", async () => {
    const text = `[{"id":"r1","geo":"US","clusters":[{"id":"a","url":"redis://u:hunter2@h:1"},]}]`;
    const error = configError({ env: { ORG_REGIONS: text } });
    expect(error.message).toMatch(/ORG_REGIONS: is not valid JSON: trailing comma at line 1, column \d+/);
    expect(error.message).not.toContain("hunter2");
  });

  it("a file that is not JSON is not quoted", async () => {
    const file = tempFile("root:$6$saltsalt$hashhashhash:19000:0:99999:7:::\n");
    const error = configError({ file });
    expect(error.message).toMatch(/is not valid JSON: unexpected character at line 1, column 1/);
    expect(error.message).not.toContain("saltsalt");
  });
});

describe("14.7 __proto__, constructor and prototype keys are refused at parse time", () => {
  it.each(["__proto__", "constructor", "prototype"])("%s inside ORG_REGIONS", async (key) => {
    const text = `[{"id":"r1","geo":"US","${key}":{"clusters":[{"id":"a","url":"redis://h:1"},{"id":"b","url":"redis://h:2"}]}}]`;
    const error = configError({ env: { ORG_REGIONS: text } });
    expect(error.issues[0]).toMatchObject({ source: "ORG_REGIONS" });
    expect(error.message).toContain(`the key "${key}" is not allowed`);
  });

  it("__proto__ in a config file", async () => {
    const file = tempFile('{"__proto__": {"TIMEOUT": 1}}');
    expect(configError({ file }).message).toContain('the key "__proto__" is not allowed at line 1, column 2');
  });
});

describe("14.11 every bad shape is a ConfigError naming its source", () => {
  it.each([
    ['{"timeouts":"abc"}', "at $.timeouts", "must be an object"],
    ['{"timeouts":5}', "at $.timeouts", "must be an object"],
    ['{"toString":{"a":{"b":1}}}', "at $.toString", "is not a setting"],
    ['{"hasOwnProperty":{"a":1}}', "at $.hasOwnProperty", "is not a setting"],
    ['{"TIMEOUT":{"a":{"b":1}}}', "at $.TIMEOUT", "must be a whole number"],
    ['{"cache":"abc"}', "at $.cache", "must be an object"],
  ])("%s", (json, where, what) => {
    const file = tempFile(json);
    const error = configError({ file, env: { ORG_CACHE_OP_TIMEOUT_MS: "100" } });
    expect(error.issues.some((i) => i.source === `config file ${file} ${where}` && i.message.includes(what))).toBe(
      true,
    );
  });

  it("JSON nested 5,000 deep", async () => {
    const deep = `${"[".repeat(5000)}${"]".repeat(5000)}`;
    expect(configError({ env: { ORG_REGIONS: deep } }).message).toContain("nesting deeper than 32 levels");
    const file = tempFile(`{"regions":${deep}}`);
    expect(configError({ file }).issues[0]!.source).toContain(file);
  });

  it("the CLI exits 1 with the message, not an internal error", async () => {
    const result = await cli(["validate"], { ORG_CONFIG_FILE: tempFile('{"toString":{"a":{"b":1}}}') });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("is not a setting");
    expect(result.stderr).not.toContain("internal error");
  });
});

describe("14.12 the config file must be a regular file of bounded size", () => {
  it("/dev/zero is refused without reading it", async () => {
    expect(configError({ file: "/dev/zero" }).message).toContain("is not a regular file");
  });

  it("a FIFO is refused without waiting for a writer", async () => {
    const fifo = join(tempDir(), "fifo");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    expect(configError({ file: fifo }).message).toContain("is not a regular file");
  });

  it("a file over 1 MiB is refused by its size", async () => {
    const file = tempFile(`{"TIMEOUT": 5000${" ".repeat(1024 * 1024)}}`);
    expect(configError({ file }).message).toMatch(/is \d+ bytes, more than the 1048576 bytes/);
  });
});

describe("14.13 error size is bounded and keys cannot forge lines", () => {
  it("20k unknown keys list the first ten and a count", async () => {
    const keys = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, 1]));
    const error = configError({ file: tempFile(JSON.stringify(keys)) });
    expect(error.message.length).toBeLessThan(10_000);
    expect(error.message).toContain("19990 more keys are not settings either");
  });

  it("a key with a newline stays on its line, escaped and truncated", async () => {
    const error = configError({ values: { [`evil\n  - ORG_ENV: forged${"x".repeat(500)}`]: 1 } });
    expect(error.message.split("\n").filter((line) => line.includes("forged"))).toHaveLength(1);
    expect(error.message).toContain("evil\\n");
    expect(error.message).not.toContain("x".repeat(100));
  });
});

describe("14.14 Redis URLs are parsed, not prefix-matched", () => {
  it.each([
    "redis://:6379",
    "redis://@",
    "redis://host:99999",
    "redis://host:-1",
    "redis://host:abc",
    "redis://[::1",
    "redis://host:6379 trailing",
    "redis://host:6379\nus-east-1-c standalone redis://fake",
  ])("%j is refused", (url) => {
    const error = configError({ env: { ORG_REGIONS: JSON.stringify(regionsWith(url)) } });
    expect(error.issues[0]!.source).toMatch(/^ORG_REGIONS at \$\[0\]\.clusters\[0\]\.url$/);
  });

  it("sound URLs pass", async () => {
    for (const url of [
      "redis://127.0.0.1:6379",
      "rediss://u:p%2Fq@host:6380/0",
      "redis://[::1]:6379",
      "redis://host",
    ]) {
      expect(loadConfig({ env: { ORG_REGIONS: JSON.stringify(regionsWith(url)) } }).regions).toHaveLength(3);
    }
  });
});

describe("14.15 the documented ORG_TIMEOUT_MS range is true", () => {
  it.each(["1", "150001", "600000"])("ORG_TIMEOUT_MS=%s loads, with derived call and test timeouts", async (value) => {
    const config = loadConfig({ env: { ORG_TIMEOUT_MS: value } });
    expect(config.timeouts.call).toBe(Number(value) * 3);
    expect(config.timeouts.test).toBe(Number(value) * 4);
  });
});

describe("14.16 config is fixed once, failed or not", () => {
  it("a failed first access fails the same way later, even after the environment is fixed", async () => {
    const packageDir = fileURLToPath(new URL("..", import.meta.url));
    const script = `import { config } from "@org/config";
      const codes = [];
      try { config.TIMEOUT } catch (e) { codes.push(e.code) }
      process.env.ORG_TIMEOUT_MS = "5000";
      try { codes.push(config.TIMEOUT) } catch (e) { codes.push(e.code) }
      console.log(JSON.stringify(codes));`;
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: packageDir,
      env: { PATH: process.env.PATH, ORG_TIMEOUT_MS: "soon" },
      encoding: "utf8",
    });
    expect(JSON.parse(result.stdout)).toEqual(["ORG_CONFIG_INVALID", "ORG_CONFIG_INVALID"]);
  });
});

describe("14.17 smaller edges", () => {
  it("an invalid ENV in a file says what it got", async () => {
    const file = tempFile('{"ENV":"qa"}');
    expect(configError({ file }).message).toContain(
      `config file ${file} at $.ENV: must be one of dev, staging, prod (got "qa")`,
    );
  });

  it("a UTF-8 BOM is accepted", async () => {
    expect(loadConfig({ file: tempFile('\uFEFF{"TIMEOUT": 7000}') }).TIMEOUT).toBe(7000);
  });

  it("duplicate keys are refused", async () => {
    expect(configError({ file: tempFile('{"TIMEOUT": 7000, "TIMEOUT": 8000}') }).message).toContain(
      'duplicate key "TIMEOUT" at line 1, column 19',
    );
  });

  it.each([" 30000 ", "030000", "3e4", "+30000"])("ORG_TIMEOUT_MS=%j is refused: one number grammar", async (value) => {
    expect(configError({ env: { ORG_TIMEOUT_MS: value } }).issues[0]!.source).toBe("ORG_TIMEOUT_MS");
  });

  it.each(['{"TIMEOUT": "30000"}', '{"TIMEOUT": 1e4}'])("%s in a file is refused: the same grammar", async (json) => {
    configError({ file: tempFile(json) });
  });

  it("connectionUrl on a spread or cloned cluster fails loudly instead of returning the redacted URL", async () => {
    const config = loadConfig({ env: { ORG_REGIONS: JSON.stringify(regionsWith("redis://u:hunter2@h:6379")) } });
    const cluster = config.regions[0]!.clusters[0]!;
    expect(connectionUrl(cluster)).toBe("redis://u:hunter2@h:6379");
    expect(() => connectionUrl({ ...cluster })).toThrow(RedactedUrlError);
    expect(() => connectionUrl(structuredClone(cluster))).toThrow(/pass the cluster object from config itself/);
    expect(connectionUrl({ url: "redis://127.0.0.1:6379" })).toBe("redis://127.0.0.1:6379");
  });
});
