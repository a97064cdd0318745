#!/usr/bin/env node
// Committed shim so the bin exists before the first build; the CLI itself is dist/bin.js.
// oxc-parser's allocator (mimalloc) gives a parse's freed pages back to the system 10 ms later, so the next file's
// parse faults them in again: a whole tree's run spent about a fifth of its CPU in the kernel, most of it those
// faults. Kept instead ("-1": never purged; the process ends when the run does). mimalloc reads the setting when the
// parser loads, so it is set before the CLI is imported; a value the user set wins.
process.env.MIMALLOC_PURGE_DELAY ??= "-1";
// V8 optimizes a function on a background thread once it has run 66 KiB of bytecode (its interrupt budget). A run of
// the CLI lasts a fraction of a second to a few seconds, and most functions that reach that budget run little more
// after it: their compiles were a sixth of a run's CPU (bench/speed.mjs: commit-sized and whole-tree runs alike).
// Four times the budget still optimizes the scans every file runs through. Set before the CLI is compiled; a budget
// given to node wins, however V8 lets it be spelled (`-`/`--`, `-`/`_`; always with `=`, node takes no separate
// value); V8's other `--interrupt-budget-*` flags are not the budget.
if (!process.execArgv.some((arg) => /^--?interrupt[-_]budget=/.test(arg)))
  (await import("node:v8")).setFlagsFromString("--interrupt-budget=270336");
await import("../dist/bin.js");
