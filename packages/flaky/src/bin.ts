import { setFlagsFromString } from "node:v8";
import { packageVersion, processIo, runMain } from "@org/cli-kit";
import { flakyCli } from "./cli.ts";

// Every org-flaky command is one short process, and on the default store most of its time runs inside
// PGlite's WebAssembly. V8 first runs each function as Liftoff (baseline) code and recompiles the hot
// ones with TurboFan on other threads: in a process that lives two seconds those recompilations cost
// more CPU than they save (a cold `record` of 20,000 tests into a store of a million executions took
// 3.6-4.3 s of CPU with them and 2.0-2.3 s without, at a load average of 8-10; see bench/speed.mjs). Set here, before PGlite compiles its module, so only this process is affected;
// the library (and the vitest reporter, in a long-lived process) keeps V8's defaults.
setFlagsFromString("--liftoff-only");

await runMain(flakyCli(packageVersion(import.meta.url)), { ...processIo(), cwd: process.cwd(), env: process.env });
