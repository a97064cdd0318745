import { packageVersion, processIo, runMain } from "@org/cli-kit";
import { checklistsCli } from "./cli.ts";

await runMain(checklistsCli(packageVersion(import.meta.url)), { ...processIo(), cwd: process.cwd() });
