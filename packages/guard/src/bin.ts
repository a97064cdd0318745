import { packageVersion, processIo, runMain } from "@org/cli-kit";
import { guardCli } from "./cli.ts";

const color =
  process.env.NO_COLOR === undefined && (process.env.FORCE_COLOR !== undefined || process.stdout.isTTY === true);
const version = packageVersion(import.meta.url);
// runMain exits as soon as the output is flushed: a commit hook should not wait for the event loop to drain.
await runMain(guardCli(version), { ...processIo(), cwd: process.cwd(), color, version });
