import { createRequire } from "node:module";
import { runCli } from "./cli.ts";

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };
process.exitCode = runCli(process.argv.slice(2), {
  env: process.env,
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  version,
});
