import { packageVersion, processIo, runMain } from "@org/cli-kit";
import { configCli } from "./cli.ts";

await runMain(configCli(packageVersion(import.meta.url)), { ...processIo(), env: process.env });
