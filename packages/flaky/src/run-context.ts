import { execFileSync } from "node:child_process";
import { FlakyError } from "./errors.ts";
import type { RunEnv } from "./store/write.ts";

/** What a run is attached to; every field defaults from the CI environment and git. */
export interface RunContext {
  commit: string;
  branch: string | null;
  env: RunEnv;
  url: string | null;
}

export interface RunContextOptions {
  /** @default GITHUB_SHA, CI_COMMIT_SHA, else `git rev-parse HEAD` */
  commit?: string;
  /** @default GITHUB_HEAD_REF / GITHUB_REF_NAME, CI_COMMIT_REF_NAME, else the checked-out branch */
  branch?: string;
  /** @default `staging` when CI runs with ORG_ENV=staging, `ci` under any CI, else `local` */
  env?: RunEnv;
  cwd: string;
  environment?: NodeJS.ProcessEnv;
}

/** Fills in a run's commit, branch, environment and CI link from GitHub Actions, GitLab, generic CI and git. */
export function runContext(options: RunContextOptions): RunContext {
  const env = options.environment ?? process.env;
  const github = env.GITHUB_ACTIONS === "true";
  const gitlab = env.GITLAB_CI === "true";
  const ci = github || gitlab || (env.CI !== undefined && env.CI !== "" && env.CI !== "false" && env.CI !== "0");
  const commit =
    options.commit ??
    (github ? env.GITHUB_SHA : undefined) ??
    (gitlab ? env.CI_COMMIT_SHA : undefined) ??
    git(options.cwd, ["rev-parse", "HEAD"]);
  if (!commit) {
    throw new FlakyError(
      "ORG_FLAKY_USAGE",
      `no commit to record against: ${options.cwd} is not a git checkout and no CI variable names one; pass --commit <sha>`,
    );
  }
  const branch =
    options.branch ??
    (github ? env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME : undefined) ??
    (gitlab ? env.CI_MERGE_REQUEST_SOURCE_BRANCH_NAME || env.CI_COMMIT_REF_NAME : undefined) ??
    git(options.cwd, ["rev-parse", "--abbrev-ref", "HEAD"]) ??
    null;
  const url = github
    ? `${env.GITHUB_SERVER_URL ?? "https://github.com"}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
    : gitlab
      ? (env.CI_JOB_URL ?? null)
      : null;
  return {
    commit,
    branch: branch === "HEAD" ? null : branch,
    env: options.env ?? (ci ? (env.ORG_ENV === "staging" ? "staging" : "ci") : "local"),
    url,
  };
}

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: "pipe" }).trim() || undefined;
  } catch {
    return undefined;
  }
}
