import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { runGuardCli } from "../src/cli.ts";
import { checkSource, defaultGuardConfig, type GuardConfig, packageFacts, type PackageFacts } from "../src/index.ts";
import { expect } from "vitest";
import { BUILT_CLI_TIMEOUT } from "./profile.ts";

/**
 * The built CLI (`bin/org-guard.js <argv>`) run in `cwd` in a child process, limited to `BUILT_CLI_TIMEOUT` (killed
 * past it). A killed child fails the calling test with its stderr, never with whatever half an output it left.
 */
export function builtCli(cwd: string, ...argv: string[]): SpawnSyncReturns<string> {
  return spawnChild(process.execPath, [join(import.meta.dirname, "../bin/org-guard.js"), ...argv], cwd);
}

/** `command <args>` in `cwd`, limited to `BUILT_CLI_TIMEOUT`; a killed child fails the calling test with its stderr. */
export function spawnChild(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const child = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    maxBuffer: 1 << 26,
    timeout: BUILT_CLI_TIMEOUT,
    killSignal: "SIGKILL",
  });
  expect(
    child.signal,
    `${command} ${args.join(" ")} was killed (${child.signal}; its limit is BUILT_CLI_TIMEOUT, ${BUILT_CLI_TIMEOUT} ms): ${child.stderr}`,
  ).toBeNull();
  return child;
}

/** A temp directory holding `files` (path -> contents). */
export function tempTree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), "org-guard-"));
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), contents);
  }
  return root;
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** A temp git repository with an identity, holding `files` (not yet staged). */
export function tempRepo(files: Record<string, string | Buffer>): string {
  const root = tempTree(files);
  git(root, "init", "-q", "-b", "main");
  git(root, "config", "user.email", "test@example.invalid");
  git(root, "config", "user.name", "org-guard test");
  git(root, "config", "commit.gpgsign", "false");
  return root;
}

export async function guard(cwd: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runGuardCli(argv, {
    cwd,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    color: false,
    version: "9.9.9",
  });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

/** The default configuration of the working directory (the package's, where vitest runs). */
const cwdConfig = defaultGuardConfig(process.cwd());

/**
 * `line: rule` of every finding `checkSource` reports in `source` read as the file `path`: with `config` (the working
 * directory's defaults unless given) and the package's `facts` when given.
 */
export async function findingLines(
  path: string,
  source: string,
  config: GuardConfig = cwdConfig,
  facts?: PackageFacts,
): Promise<string[]> {
  return (await checkSource(path, source, config, facts)).messages.map((m) => `${m.line}: ${m.ruleId}`);
}

/** A corpus file: its path and text. */
export type CorpusFile = { path: string; text: string };

/**
 * A corpus package (a folder of test/corpus/packages, python-packages or python-unread) for the package-facts tests:
 * its files whose names match `names`, the lines marked `expect: <rule>`, what `checkSource` reports with or without
 * facts, and the facts `packageFacts` builds from the files. Lines are `path:line: rule`, the path relative to `root`.
 */
export function corpusPackage(root: string, dir: string, read: (name: string) => boolean, config: GuardConfig) {
  const files: CorpusFile[] = readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && read(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
    .map((path) => ({ path, text: readFileSync(path, "utf8") }));
  const expected = files
    .flatMap(({ path, text }) =>
      text.split("\n").flatMap((line, index) => {
        const marker = /expect: ([a-z-]+)/.exec(line);
        return marker ? [`${relative(root, path)}:${index + 1}: ${marker[1]}`] : [];
      }),
    )
    .sort();
  const found = async (facts?: PackageFacts) => {
    const out: string[] = [];
    for (const { path, text } of files) {
      const result = await checkSource(path, text, config, facts);
      out.push(...result.messages.map((m) => `${relative(root, path)}:${m.line}: ${m.ruleId}`));
    }
    return out.sort();
  };
  const facts = () =>
    packageFacts(
      files.map((file) => [file.path, file.text] as const),
      config,
    );
  return { files, expected, found, facts };
}

/** `org-guard check <argv> --format json` in `cwd`: its findings as `path:line: rule`, the path relative to `cwd`. */
export async function findingsOf(cwd: string, ...argv: string[]): Promise<string[]> {
  const result = await guard(cwd, "check", ...argv, "--format", "json");
  return (JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[]).flatMap(
    (file) => file.messages.map((m) => `${relative(cwd, file.filePath)}:${m.line}: ${m.ruleId}`),
  );
}

/**
 * `path:line: rule` of every finding in `files` (path -> text), checked in process as the CLI checks one package: with
 * the facts the files show each other (`packageFacts`), or without them when `withFacts` is false; with `config` (the
 * working directory's defaults unless given). Sorted.
 */
export async function packageFindings(
  files: Record<string, string>,
  config: GuardConfig = cwdConfig,
  withFacts = true,
): Promise<string[]> {
  const entries = Object.entries(files);
  const known = withFacts ? await packageFacts(entries, config) : undefined;
  const out: string[] = [];
  for (const [path, text] of entries)
    out.push(...(await checkSource(path, text, config, known)).messages.map((m) => `${path}:${m.line}: ${m.ruleId}`));
  return out.sort();
}
