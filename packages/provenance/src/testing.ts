import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface TestCommit {
  /** Files to write (content) or delete (null), relative to the repository. */
  files?: Record<string, string | null>;
  /** `git mv` before writing: [from, to]. */
  renames?: [string, string][];
  /** The whole message: subject, blank line, body and trailers. */
  message: string;
  /** @default "Dev Human <dev@example.com>" */
  author?: string;
  /** ISO date for author and committer. @default a fixed date one minute after the previous commit */
  date?: string;
}

export interface TestRepo {
  dir: string;
  /** Makes one commit and returns its sha. */
  commit(commit: TestCommit): string;
  /**
   * Makes many commits on the current branch with one `git fast-import` (no hooks, a few processes
   * in all: fast on a loaded machine), checks the result out, and returns their shas in order.
   */
  commits(commits: readonly TestCommit[]): string[];
  /** Runs git in the repository and returns stdout. */
  git(...args: string[]): string;
  /** Removes the directory. */
  remove(): void;
}

/**
 * A real git repository in a temp directory, for tests and benchmarks: commits with chosen authors,
 * dates and messages (trailers included), no global or system git config, no hooks.
 */
export function createTestRepo(prefix = "org-provenance-"): TestRepo {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_COMMITTER_NAME: "Committer",
    GIT_COMMITTER_EMAIL: "committer@example.com",
  };
  delete env.GIT_DIR;
  delete env.GIT_INDEX_FILE;
  const run = (...args: string[]) => execFileSync("git", args, { cwd: dir, env, encoding: "utf8", maxBuffer: 1 << 30 });
  run("init", "-q", "-b", "main");
  run("config", "core.hooksPath", "/dev/null");
  let clock = Date.parse("2026-07-01T09:00:00Z");
  return {
    dir,
    git: run,
    commit({ files = {}, renames = [], message, author = "Dev Human <dev@example.com>", date }) {
      for (const [from, to] of renames) {
        mkdirSync(dirname(join(dir, to)), { recursive: true });
        run("mv", from, to);
      }
      for (const [path, content] of Object.entries(files)) {
        if (content === null) run("rm", "-q", path);
        else {
          mkdirSync(dirname(join(dir, path)), { recursive: true });
          writeFileSync(join(dir, path), content);
          run("add", path);
        }
      }
      clock = date ? Date.parse(date) : clock + 60_000;
      const when = new Date(clock).toISOString();
      execFileSync("git", ["commit", "-q", "--allow-empty", "--author", author, "-F", "-"], {
        cwd: dir,
        env: { ...env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when },
        input: message,
      });
      return run("rev-parse", "HEAD").trim();
    },
    commits(list) {
      const branch = run("symbolic-ref", "--short", "HEAD").trim();
      let parent = "";
      try {
        parent = run("rev-parse", "--verify", "--quiet", "HEAD").trim();
      } catch {
        // an empty repository: the first commit has no parent
      }
      const stream: string[] = [];
      list.forEach(({ files = {}, renames = [], message, author = "Dev Human <dev@example.com>", date }, i) => {
        clock = date ? Date.parse(date) : clock + 60_000;
        const when = `${Math.floor(clock / 1000)} +0000`;
        stream.push(
          `commit refs/heads/${branch}\nmark :${i + 1}\nauthor ${author} ${when}\ncommitter Committer <committer@example.com> ${when}\n`,
          `data ${Buffer.byteLength(message)}\n${message}\n`,
          i > 0 ? `from :${i}\n` : parent ? `from ${parent}\n` : "",
          ...renames.map(([from, to]) => `R "${from}" "${to}"\n`),
          ...Object.entries(files).map(([path, content]) =>
            content === null
              ? `D "${path}"\n`
              : `M 100644 inline "${path}"\ndata ${Buffer.byteLength(content)}\n${content}\n`,
          ),
          "\n",
        );
      });
      const marks = join(dir, ".git", "test-marks");
      execFileSync("git", ["fast-import", "--quiet", "--force", `--export-marks=${marks}`], {
        cwd: dir,
        env,
        input: stream.join(""),
      });
      run("reset", "-q", "--hard", branch);
      const shas = new Map(
        readFileSync(marks, "utf8")
          .trim()
          .split("\n")
          .map((line) => line.split(" ") as [string, string]),
      );
      return list.map((_, i) => shas.get(`:${i + 1}`)!);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
