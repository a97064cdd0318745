import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { runGuardCli } from "../src/cli.ts";
import { checkSource, type GuardConfig, packageFacts, type PackageFacts } from "../src/index.ts";
import { sharedTestConfig } from "../../../vitest.shared.ts";

/**
 * The time limit of a test whose time is the CPU of the processes it spawns (the built CLI on a tree of hundreds of
 * files, the commit hook's tools): the test profile's limit (`timeouts.test`, vitest.shared.ts) times the runnable
 * threads per core when its file starts (the highest load average), at least once. The profile's limit is made for a
 * request's waits; such a test waits for CPU, and on a shared machine its wall time is its CPU time over its share of a
 * core. The built CLI on parallel.test.ts's 240 files takes 1.7 s of CPU: 8 s of wall time at a load of 21 on two cores
 * (20 s at 25+, where it timed out).
 */
export function spawnedCpuTimeout(): number {
  const profile = sharedTestConfig.test?.testTimeout;
  if (profile === undefined) throw new Error("vitest.shared.ts sets no testTimeout: the test profile is missing");
  return Math.ceil(profile * Math.max(1, Math.max(...loadavg()) / availableParallelism()));
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
