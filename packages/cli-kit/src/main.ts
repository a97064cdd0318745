import { createRequire } from "node:module";
import type { Cli } from "./cli.ts";
import type { CliIo } from "./types.ts";

/** An io writing one line per call to the process's stdout and stderr. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
  };
}

/**
 * The body of a `bin` shim: runs the CLI on `process.argv`, then exits with its code as soon
 * as the output is flushed (a finished command does not wait for idle sockets or workers).
 * @example await runMain(cli, { ...processIo(), cwd: process.cwd() });
 */
export async function runMain<Io extends CliIo>(cli: Cli<Io>, io: Io): Promise<void> {
  const code = await cli.run(process.argv.slice(2), io);
  process.exitCode = code;
  process.stdout.write("", () => process.exit(code));
}

/**
 * The `version` of the package.json at `relativePath` from the calling module.
 * @default relativePath "../package.json" (from `dist/bin.js`)
 * @example packageVersion(import.meta.url)
 */
export function packageVersion(moduleUrl: string, relativePath = "../package.json"): string {
  return (createRequire(moduleUrl)(relativePath) as { version: string }).version;
}
