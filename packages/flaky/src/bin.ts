import { packageVersion, processIo, runMain } from "@org/cli-kit";
import { flakyCli } from "./cli.ts";

await runMain(flakyCli(packageVersion(import.meta.url)), { ...processIo(), cwd: process.cwd(), env: process.env });
