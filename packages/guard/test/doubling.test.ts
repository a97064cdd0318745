import { describe, expect, it } from "vitest";
import { Node as TsNode } from "web-tree-sitter";
import { CallRecords } from "../src/detect/javascript/call-records.ts";
import { FileFacts } from "../src/detect/javascript/facts.ts";
import { ModuleBindings } from "../src/detect/javascript/modules.ts";
import { PyFacts } from "../src/detect/python/facts.ts";
import { expectGrowthOnDoubling, workDone } from "./doubling.ts";
import { LARGE_INPUT_TIMEOUT } from "./profile.ts";
import { findingLines } from "./helpers.ts";

// bench/worst-case.mjs's families that were quadratic, held linear by counting: each test checks a generated input
// of size n and of 2n and compares the work a spied method did (expectGrowthOnDoubling), never the time it took.
// Each input is large: LARGE_INPUT_TIMEOUT, the test profile's, is every test's limit here.
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

// bench/worst-case.mjs's own-wait family: each default asked whether its name reaches a wait, and each such question
// scanned every call of the file (quadratic). Counted, not timed: each call a question looks at is looked up as its
// module names it (`ModuleBindings.canonical`), so the lookups of a file twice as long are about twice as many.
describe(
  "questions of a file's defaults look at the calls that read the name, not at every call",
  { timeout: LARGE_INPUT_TIMEOUT },
  () => {
    const waits = (n: number) =>
      range(n)
        .map((i) =>
          [
            `async function acquire${i}(pool, timeout${i} = 0) {`,
            `  return new Promise((resolve, reject) => {`,
            `    pool.waiters.push(resolve);`,
            `    if (timeout${i}) setTimeout(() => reject(new Error("no session in " + timeout${i})), timeout${i});`,
            `  });`,
            `}`,
            `async function withSession${i}(pool, cb, timeout = 0) {`,
            `  const session = await acquire${i}(pool, timeout);`,
            `  return cb(session);`,
            `}`,
          ].join("\n"),
        )
        .join("\n");

    // Every default is the caller's choice (each function is the wait): nothing reports.
    const lookups = (n: number) =>
      workDone(ModuleBindings.prototype, "canonical", async () => {
        expect(await findingLines("pool.js", `${waits(n)}\n`)).toEqual([]);
      });

    it("200 waits with their own no-limit defaults take about twice the lookups of 100", async () => {
      await expectGrowthOnDoubling(lookups, 100);
    });
  },
);

// review18 item 5: a function that hands a parameter back has its body's text counted for each parameter, and a
// nested function's body holds every deeper one (16,000 levels 95 s). Counted, not timed: the characters of text the
// file's facts read (`FileFacts.text`) for a file twice as deep are about twice as many, not four times.
describe(
  "fallback helpers nested in each other: each body's text is read only when it is a helper's size",
  { timeout: LARGE_INPUT_TIMEOUT },
  () => {
    const nested = (n: number) =>
      [
        ...range(n).map((i) => `function f${i}(a, b) { if (a) return a;`),
        ...range(n).map(() => `return b; }`),
        `const timeout = f${n - 1}(opts.timeout, 5000);`,
        `fetch(u, { timeout });`,
      ].join("\n");

    // Only the innermost function is small enough to be a helper: its fallback is the timeout's default.
    const charactersRead = (n: number) =>
      workDone(
        FileFacts.prototype,
        "text",
        async () => {
          expect(await findingLines("nested.js", `${nested(n)}\n`)).toEqual([`${2 * n + 1}: no-hardcoded-timeout`]);
        },
        (text) => (text as string).length,
      );

    it("500 nested helpers read about twice the text of 250", async () => {
      // 500 levels: vitest's worker parses a little under 1,000 (a parse error there), the CLI 16,000.
      await expectGrowthOnDoubling(charactersRead, 250);
    });
  },
);

// review19 item 1: a GLib callback making n calls to an n-statement helper of the file re-read the helper for each
// call (3,000 of each: 55 s). Counted, not timed: the nodes the schedule rule's searches return for a file twice as
// large in both are about twice as many, not four times. The helper ends nothing: the delay is a debounce.
describe(
  "a main-loop timer's callback that calls one large helper many times: the helper is judged once",
  { timeout: LARGE_INPUT_TIMEOUT },
  () => {
    const source = (n: number) =>
      [
        "from gi.repository import GLib",
        "APPLY_TIMEOUT = 500",
        "class View:",
        "    def changed(self):",
        "        GLib.timeout_add(APPLY_TIMEOUT, self._apply_timeout_cb)",
        "    def _apply_timeout_cb(self):",
        ...range(n).map((i) => `        self.helper(${i})`),
        "        return False",
        "    def helper(self, i):",
        ...range(n).map((i) => `        self.model.set_value(i, ${i})`),
        "        return i",
      ].join("\n");

    const nodesFound = (n: number) =>
      workDone(
        TsNode.prototype,
        "descendantsOfType",
        async () => {
          expect(await findingLines("view.py", `${source(n)}\n`)).toEqual([]);
        },
        (nodes) => (nodes as unknown[]).length,
      );

    it("800 calls to an 800-statement helper return about twice the nodes of 400", async () => {
      await expectGrowthOnDoubling(nodesFound, 400);
    });
  },
);

// review20's probe: a file of n methods each doing `self.timeout += 1; self.timeout = 0` asked, for each `= 0`, about
// every read of `timeout` in the file (12,000 lines: 113 s). Counted, not timed: the reads the lifetime rule looks up
// in the tree (`descendantForIndex`) for a file twice as long are about twice as many, not four times.
describe(
  "one field assigned in every method: each of its reads is judged once per file",
  { timeout: LARGE_INPUT_TIMEOUT },
  () => {
    const source = (n: number) =>
      [
        "class Conn:",
        ...range(n).map((i) => `    def retry${i}(self):\n        self.timeout += 1\n        self.timeout = 0`),
      ].join("\n");

    // Each `+= 1` is a literal pad on a timeout (reported); each `= 0` resets it.
    const lookups = (n: number) =>
      workDone(TsNode.prototype, "descendantForIndex", async () => {
        const expected = range(n).map((i) => `${3 + 3 * i}: no-hardcoded-timeout`);
        expect(await findingLines("conn.py", `${source(n)}\n`)).toEqual(expected);
      });

    it("1,000 methods look up about twice the reads of 500", async () => {
      await expectGrowthOnDoubling(lookups, 500);
    });
  },
);

// review21 item 7: each standard-library call without a timeout searched the whole file's text for
// `setdefaulttimeout` again. Counted, not timed: the file's text is asked for as often for 200 calls as for 100.
describe(
  "standard-library calls without a timeout: whether the file sets the socket's default is decided once",
  { timeout: LARGE_INPUT_TIMEOUT },
  () => {
    const calls = (n: number) =>
      ["from urllib.request import urlopen", ...range(n).map((i) => `def f${i}(u):\n    return urlopen(u)`)].join("\n");

    const textReads = (n: number) =>
      workDone(PyFacts.prototype, "fileCode", async () => {
        const expected = range(n).map((i) => `${3 + 2 * i}: no-unbounded-timeout`);
        expect(await findingLines("fetch.py", `${calls(n)}\n`)).toEqual(expected);
      });

    it("200 calls read the file's text no more often than 100", async () => {
      await expectGrowthOnDoubling(textReads, 100, 1);
    });
  },
);

// fresh130 (session 42): @triply/tus-js-client's 1.14 MB test bundle asks whether the subject of each of its
// thousands of expected calls is a double, and each question read the whole file again (over half an hour). Counted,
// not timed: the file is read once per subject, so the characters scanned for a file twice as long are about twice
// as many.
describe(
  "expected calls of one double: the file is scanned for its makings once per subject",
  { timeout: LARGE_INPUT_TIMEOUT },
  () => {
    const suite = (n: number) =>
      [
        'import { vi, it, expect } from "vitest";',
        'import { client } from "./client";',
        'vi.spyOn(client, "request");',
        ...range(n).map((i) =>
          [
            `it("uploads part ${i}", async () => {`,
            `  await client.upload(${i});`,
            `  expect(client.request).toHaveBeenCalledWith({ part: ${i}, timeout: 5000 });`,
            `});`,
          ].join("\n"),
        ),
      ].join("\n");

    const charactersScanned = async (n: number) => {
      const source = `${suite(n)}\n`;
      const scans = await workDone(CallRecords.prototype, "scan" as never, async () => {
        await findingLines("upload.test.js", source);
      });
      return scans * source.length;
    };

    it("400 expected calls scan about twice the characters of 200", async () => {
      await expectGrowthOnDoubling(charactersScanned, 200);
    });
  },
);
