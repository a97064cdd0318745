import { describe, expect, it } from "vitest";
import { capturePython, pythonParser } from "../src/detect/python/parser.ts";
import { checkSource, defaultGuardConfig } from "../src/index.ts";
import { LARGE_INPUT_TIMEOUT } from "./profile.ts";
import { findingLines } from "./helpers.ts";

const config = defaultGuardConfig(import.meta.dirname);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

// Generated inputs of bench/worst-case.mjs's families that were superlinear, at sizes real files reach. Each test
// pins what is found on them, so the linear rewrite is held to the old judgement; the bench prints their time (how
// the work grows is held by doubling.test.ts, counted). Each input is large: LARGE_INPUT_TIMEOUT, the test profile's.
describe("worst-case inputs judge as their small versions do", { timeout: LARGE_INPUT_TIMEOUT }, () => {
  it("a test file with a clock double in each of 1,000 tests: only the tests that keep real time report", async () => {
    // Even tests hand their clock to the client (on the clock: nothing waits); odd tests only tick it.
    const tests = range(1000).map((i) =>
      [
        `it("case ${i}", function () {`,
        `  const clock = FakeTimers.createClock();`,
        i % 2 === 0
          ? `  const c = new Client({ timeout: ${1000 + i}, clock });`
          : `  const c = new Client({ timeout: ${1000 + i} });`,
        `  clock.tick(10);`,
        `});`,
      ].join("\n"),
    );
    const source = `const FakeTimers = require("@sinonjs/fake-timers");\n${tests.join("\n")}\n`;
    const expected = range(1000)
      .filter((i) => i % 2 === 1)
      .map((i) => `${2 + 5 * i + 2}: no-hardcoded-timeout`);
    expect(await findingLines("clocks.test.js", source)).toEqual(expected);
  });

  it("1,000 timer promises raced in loops: only the races per item report, the polls' sleeps pace", async () => {
    // bench/worst-case.mjs "js timer promises raced in loops": each race's loop is decided once, when the walk reaches
    // it (a80a534 scanned every race and every loop for every timer: 2,000 functions 9.8 s). Even functions poll
    // until the operation is done (the sleep paces the rounds); odd ones race each item against the timer (a deadline).
    const n = 1000;
    const timers = range(n).map(
      (i) => `const w${i} = () => new Promise((resolve) => setTimeout(() => resolve(null), ${i + 1}));`,
    );
    const races = range(n).map((i) =>
      i % 2 === 0
        ? `async function poll${i}(op) {\n  while (!op.done) await Promise.race([op.next(), w${i}()]);\n}`
        : `async function drain${i}(queues) {\n  for (const q of queues) await Promise.race([q.drain(), w${i}()]);\n}`,
    );
    const expected = range(n)
      .filter((i) => i % 2 === 1)
      .map((i) => `${i + 1}: no-hardcoded-timeout`);
    expect(await findingLines("races.js", `${timers.join("\n")}\n${races.join("\n")}\n`)).toEqual(expected);
  });

  it("96 nested Python functions (the deepest CPython takes) each with a default: all but the innermost report", async () => {
    // Every function waits on an event with its default and defines the next inside it; the innermost only sleeps (a
    // pause, no bound). Each default's checks walk up to the module and read its function's body, which holds every
    // deeper one.
    const n = 96;
    const functions = range(n)
      .map(
        (i) =>
          `${"    ".repeat(i)}def f${i}(timeout=${i + 1}):\n${"    ".repeat(i + 1)}${i < n - 1 ? "ready.wait" : "time.sleep"}(timeout)\n`,
      )
      .join("");
    const expected = range(n - 1).map((i) => `${2 + 2 * i}: no-hardcoded-timeout`);
    expect(await findingLines("nested.py", `import time\n${functions}`)).toEqual(expected);
  });

  it("a Python node's parent is found once per tree: every object for that node gets it without another search", async () => {
    // tree-sitter finds a parent by descending from the root; the walks up from nested defaults repeat each step.
    const tree = (await pythonParser()).parse("def f(timeout=5):\n    def g(timeout=6):\n        pass\n")!;
    const [first] = capturePython(tree.rootNode, ["default_parameter"]);
    const [again] = capturePython(tree.rootNode, ["default_parameter"]);
    expect(again).not.toBe(first);
    expect(again!.parent).toBe(first!.parent);
    expect(again!.parent!.parent!.type).toBe("function_definition");
  });

  it("400 classes whose timers call methods every class defines: only the timers that end something report", async () => {
    // `report()` only logs (its timer bounds nothing); `expire()` destroys a socket (its timer is a deadline). Every
    // class defines both, so each callback's method resolves to 400 definitions.
    const classes = range(400).map((i) =>
      [
        `class Worker${i} {`,
        `  constructor() { this.reportTimeout = ${1000 + i}; this.expireTimeout = ${5000 + i}; }`,
        `  start() { this.a = setTimeout(() => this.report(), this.reportTimeout); }`,
        `  arm() { this.b = setTimeout(() => this.expire(), this.expireTimeout); }`,
        `  report() { console.log("slow", ${i}); }`,
        `  expire() { this.socket.destroy(); }`,
        `}`,
      ].join("\n"),
    );
    const result = await checkSource("workers.js", `${classes.join("\n")}\n`, config);
    const expected = range(400).map(
      (i) => `${2 + 7 * i}:${"  constructor() { this.reportTimeout = 1000; this.expireTimeout = ".length + 1}`,
    );
    expect(result.messages.map((m) => `${m.line}:${m.column}`)).toEqual(expected);
    expect(new Set(result.messages.map((m) => m.ruleId))).toEqual(new Set(["no-hardcoded-timeout"]));
  });

  it("a table of 200,000 codes beside one timeout: checked (no stack overflow), and judged a code list", async () => {
    const codes = range(200_000).map((i) => `  CODE_${i}: ${i + 1},`);
    const source = `const CODES = {\n  connectTimeout: 30000,\n${codes.join("\n")}\n};\nclient.connect({ timeout: CODES.connectTimeout });\n`;
    expect(await findingLines("codes.js", source)).toEqual([]);
  });

  it("a table of 2,000 codes beside a timeout ten times above them: the timeout is no code and reports", async () => {
    const codes = range(2000).map((i) => `  CODE_${i}: ${i + 1},`);
    const source = `const CODES = {\n  connectTimeout: 30000,\n${codes.join("\n")}\n};\nclient.connect({ timeout: CODES.connectTimeout });\n`;
    expect(await findingLines("codes.js", source)).toEqual(["2: no-hardcoded-timeout"]);
  });

  it("300 defaults tables of zeros: a zero is no limit where its own line or a doc comment of the file says so", async () => {
    const doc = "/**\n * @param opts.releaseTimeout how long release waits; 0 means no limit.\n */\n";
    const tables = range(300).map((i) =>
      [
        `const defaults${i} = {`,
        `  acquireTimeout: 0,${i % 2 ? " // 0: wait forever" : ""}`,
        `  releaseTimeout: 0,`,
        `  max: ${i + 1},`,
        `};`,
      ].join("\n"),
    );
    const expected = range(300).flatMap((i) => [
      ...(i % 2 ? [`${5 + 5 * i}: no-unbounded-timeout`] : []),
      `${6 + 5 * i}: no-unbounded-timeout`,
    ]);
    expect(await findingLines("pools.js", `${doc}${tables.join("\n")}\n`)).toEqual(expected);
  });

  it("300 timers nested in each other's callbacks: only those whose own callback reports a timeout are deadlines", async () => {
    // Each callback holds the next timer; the 6 that call done(new Error("... timed out")) themselves are deadlines,
    // not the timers around them (a nested function's text is not what the outer callback does).
    let body = "done();";
    for (let i = 299; i >= 0; i--) {
      const says = i % 50 === 7 ? ` done(new Error("step ${i} timed out"));` : ` console.log("step ${i}");`;
      body = `setTimeout(function () {${says}\n${body}\n}, ${1000 + i});`;
    }
    // Timer i opens on line 2 + i and closes, with its delay, on line 303 + (299 - i).
    const expected = [7, 57, 107, 157, 207, 257].reverse().map((i) => `${602 - i}: no-hardcoded-timeout`);
    expect(await findingLines("nested.js", `function run(done) {\n${body}\n}\n`)).toEqual(expected);
  });
});
