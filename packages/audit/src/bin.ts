import { packageVersion, processIo, runMain } from "@org/cli-kit";
import { auditCli } from "./cli.ts";

await runMain(auditCli(packageVersion(import.meta.url)), { ...processIo(), cwd: process.cwd() });
