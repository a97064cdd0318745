#!/usr/bin/env node
// Committed shim so the bin exists before the first build; the CLI itself is dist/bin.js.
// oxc-parser's allocator (mimalloc) gives a parse's freed pages back to the system 10 ms later, so the next file's
// parse faults them in again: a whole tree's run spent about a fifth of its CPU in the kernel, most of it those
// faults. Kept instead ("-1": never purged; the process ends when the run does). mimalloc reads the setting when the
// parser loads, so it is set before the CLI is imported; a value the user set wins.
process.env.MIMALLOC_PURGE_DELAY ??= "-1";
await import("../dist/bin.js");
