import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { CliUsageError, command, defineCli, type CliIo } from "../src/index.ts";

class FindingsError extends Error {
  readonly code = "ORG_DEMO_FINDINGS";
}
class BrokenConfigError extends Error {
  readonly code = "ORG_DEMO_CONFIG";
}

const seen: unknown[] = [];
const cli = defineCli({
  name: "org-demo",
  version: "0.4.2",
  summary: "A CLI used to pin the kit's behaviour.",
  footer: "Exit codes: 0 ok, 1 findings, 2 usage or internal error.",
  exitCodes: { ORG_DEMO_FINDINGS: 1 },
  commands: {
    check: command({
      summary: "Check paths",
      args: "[paths...]",
      options: {
        format: { type: "string", choices: ["pretty", "json"], default: "pretty", description: "Output format" },
        staged: { type: "boolean", description: "Check the git index" },
        config: { type: "string", valueName: "path", description: "Config file" },
        tag: { type: "string", multiple: true, short: "t", description: "Only these tags" },
      },
      run({ values, args, io }) {
        seen.push({ values, args });
        const format: string = values.format; // typed: a default makes it a string
        const staged: boolean = values.staged;
        const config: string | undefined = values.config;
        const tags: string[] = values.tag;
        io.stdout(JSON.stringify({ format, staged, config, tags, args }));
        if (args.includes("bad")) return 1;
      },
    }),
    show: command({
      summary: "Show one thing",
      args: "<id> [part]",
      async run({ args }) {
        await Promise.resolve();
        if (args[0] === "findings") throw new FindingsError("2 findings");
        if (args[0] === "config") throw new BrokenConfigError('org-demo.json: unknown key "Timeout"');
        if (args[0] === "usage") throw new CliUsageError("show usage needs --really");
        if (args[0] === "string") throw "a thrown string"; // pins the non-Error case
        if (args[0] === "bug") throw new TypeError("Cannot read properties of undefined (reading 'x')");
        return 0;
      },
    }),
  },
});

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
  const code = await cli.run(argv, io);
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

describe("parsing from the option table", () => {
  it("applies defaults, booleans, repeated options and positionals", async () => {
    const { code, stdout } = await run("check", "src", "-t", "a", "--tag=b", "--config", "x.json", "lib");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      format: "pretty",
      staged: false,
      config: "x.json",
      tags: ["a", "b"],
      args: ["src", "lib"],
    });
    expect(JSON.parse((await run("check", "--format", "json", "--staged")).stdout)).toMatchObject({
      format: "json",
      staged: true,
    });
  });

  it("returns the command's exit code", async () => {
    expect((await run("check", "bad")).code).toBe(1);
  });

  it("takes everything after -- as positionals", async () => {
    expect(JSON.parse((await run("check", "--", "--staged")).stdout).args).toEqual(["--staged"]);
  });
});

describe("usage errors: exit 2, one message, one hint", () => {
  const cases: [string[], string][] = [
    [[], "missing command (check or show)"],
    [["chek"], 'unknown command "chek" (did you mean "check"?); commands: check, show'],
    [["check", "--stagd"], 'unknown option --stagd for check (did you mean "--staged"?)'],
    [["check", "-x"], "unknown option -x for check"],
    [["show", "1", "--staged"], "--staged does not apply to show (it is an option of check)"],
    [["check", "--format"], "--format needs a value (pretty|json)"],
    [["check", "--config", "--staged"], "--config needs a value (<path>)"],
    [["check", "--format", "jsno"], '--format must be one of pretty, json (got "jsno") (did you mean "json"?)'],
    [["check", "--staged=yes"], "--staged takes no value"],
    [["show"], "show needs <id>"],
    [["show", "a", "b", "c"], 'unexpected argument "c" for show'],
  ];
  it.each(cases)("%j -> %s", async (argv, message) => {
    const { code, stdout, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(`org-demo: ${message}\nRun \`org-demo --help\` for usage.`);
  });

  it("a CliUsageError thrown by a command points at that command's help", async () => {
    expect(await run("show", "usage")).toEqual({
      code: 2,
      stdout: "",
      stderr: "org-demo: show usage needs --really\nRun `org-demo show --help` for usage.",
    });
  });
});

describe("the top-level catch", () => {
  it("maps coded errors through the exit-code table", async () => {
    expect(await run("show", "findings")).toEqual({ code: 1, stdout: "", stderr: "org-demo: 2 findings" });
  });

  it("exits 2 with the message for coded errors not in the table", async () => {
    expect(await run("show", "config")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'org-demo: org-demo.json: unknown key "Timeout"',
    });
  });

  it("reports anything else as an internal error, without a stack trace", async () => {
    const bug = await run("show", "bug");
    expect(bug).toEqual({
      code: 2,
      stdout: "",
      stderr: "org-demo: internal error: Cannot read properties of undefined (reading 'x')",
    });
    expect(await run("show", "string")).toMatchObject({ code: 2, stderr: "org-demo: internal error: a thrown string" });
  });
});

describe("help and version", () => {
  it("generates the top-level help from the commands", async () => {
    const { code, stdout } = await run("--help");
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        "Usage: org-demo <command> [options]",
        "",
        "A CLI used to pin the kit's behaviour.",
        "",
        "Commands:",
        "  check [paths...]  Check paths",
        "  show <id> [part]  Show one thing",
        "",
        "Options:",
        "  -h, --help     Show this help",
        "  -v, --version  Show the version",
        "",
        "Run `org-demo <command> --help` for a command's options.",
        "",
        "Exit codes: 0 ok, 1 findings, 2 usage or internal error.",
      ].join("\n"),
    );
    expect((await run("-h")).stdout).toBe(stdout);
  });

  it("generates a command's help from its option table", async () => {
    expect((await run("check", "--help")).stdout).toBe(
      [
        "Usage: org-demo check [paths...] [options]",
        "",
        "Check paths",
        "",
        "Options:",
        "      --format pretty|json  Output format (default: pretty)",
        "      --staged              Check the git index",
        "      --config <path>       Config file",
        "  -t, --tag <tag>           Only these tags (repeatable)",
        "  -h, --help                Show this help",
      ].join("\n"),
    );
    expect(cli.help("check")).toBe((await run("check", "-h")).stdout);
  });

  it("prints the version", async () => {
    expect(await run("--version")).toEqual({ code: 0, stdout: "0.4.2", stderr: "" });
    expect((await run("-v")).stdout).toBe("0.4.2");
  });
});

describe("runMain in a bin shim", () => {
  it("exits with the command's code once output is flushed, even with a timer pending", async () => {
    const dir = mkdtempSync(join(tmpdir(), "org-cli-kit-"));
    try {
      const kit = new URL("../dist/index.js", import.meta.url).href;
      const bin = join(dir, "bin.mjs");
      writeFileSync(
        bin,
        `import { command, defineCli, processIo, runMain } from ${JSON.stringify(kit)};
setInterval(() => {}, 1 << 30); // a handle that would keep a naive CLI alive
const cli = defineCli({ name: "shim", version: "1.0.0", summary: "s", commands: {
  out: command({ summary: "o", run: ({ io }) => { io.stdout("x".repeat(1 << 20)); return 1; } }),
  boom: command({ summary: "b", run: () => { throw new Error("boom"); } }),
} });
await runMain(cli, processIo());
`,
      );
      const exec = promisify(execFile);
      const out = await exec(process.execPath, [bin, "out"], { maxBuffer: 1 << 22 }).catch((e: unknown) => e);
      expect(out).toMatchObject({ code: 1, stdout: `${"x".repeat(1 << 20)}\n` });
      const boom = await exec(process.execPath, [bin, "boom"]).catch((e: unknown) => e);
      expect(boom).toMatchObject({ code: 2, stderr: "shim: internal error: boom\n" });
      expect(await exec(process.execPath, [bin, "--version"])).toMatchObject({ stdout: "1.0.0\n" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
