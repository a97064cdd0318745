import { createRequire } from "node:module";
import { runGuardCli } from "./cli.ts";

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };
const color =
  process.env.NO_COLOR === undefined && (process.env.FORCE_COLOR !== undefined || process.stdout.isTTY === true);
const code = await runGuardCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  color,
  version,
});
// Exit as soon as the output is flushed: a commit hook should not wait for the event loop to drain.
process.stdout.write("", () => process.exit(code));
