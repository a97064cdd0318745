import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// UI timing that bounds no wait (session 26, guard-ui26): xstate's named delays of a pointer-driven machine whose
// states run nothing, and a timer armed only when set whose callback runs at once otherwise. Corpus:
// `test/corpus/ui-machines26.js`.

const machine = (events: [string, string], delay: string, state: string) =>
  [
    'import { createMachine } from "xstate";',
    "export const m = createMachine(",
    "  {",
    '    initial: "idle",',
    "    states: {",
    `      idle: { on: { "${events[0]}": "pending" } },`,
    `      pending: { ${state} on: { "${events[1]}": "idle" }, after: { ${delay}: "done" } },`,
    "      done: {},",
    "    },",
    "  },",
    `  { delays: { ${delay}: 400 } },`,
    ");",
  ].join("\n");

describe("xstate named delays", () => {
  it("releases the delay of a hover state (xstate v4's second argument too)", async () => {
    expect(await findingLines("m.js", machine(["tip.mouseEnter", "tip.mouseLeave"], "openTimeout", ""))).toEqual([]);
    expect(await findingLines("m.js", machine(["tip.pointerenter", "tip.pointerleave"], '"open timeout"', ""))).toEqual(
      [],
    );
  });

  it("keeps it when the machine has no pointer event, or the state invokes something", async () => {
    expect(await findingLines("m.js", machine(["FETCH", "CANCEL"], '"open timeout"', ""))).toEqual([
      "11: no-hardcoded-timeout",
    ]);
    expect(
      await findingLines(
        "m.js",
        machine(["tip.mouseEnter", "tip.mouseLeave"], '"load timeout"', 'invoke: { src: "load" },'),
      ),
    ).toEqual(["11: no-hardcoded-timeout"]);
  });

  it("keeps a delay whose transition leads to a failure", async () => {
    const source = machine(["tip.mouseEnter", "tip.mouseLeave"], '"open timeout"', "").replace(
      '"open timeout": "done"',
      '"open timeout": { target: "#timedOut" }',
    );
    expect(await findingLines("m.js", source)).toEqual(["11: no-hardcoded-timeout"]);
  });
});

describe("a timer armed only when set whose callback runs at once otherwise", () => {
  const component = (otherwise: string) =>
    [
      "export function Group({ timeoutMs = 0 }, close) {",
      "  function unset() { close(); }",
      `  if (timeoutMs > 0) setTimeout(unset, timeoutMs);${otherwise}`,
      "}",
    ].join("\n");

  it("does not read its 0 as no limit (`else unset()`)", async () => {
    expect(await findingLines("g.js", component(" else unset();"))).toEqual([]);
  });

  it("keeps the 0 of a timer armed only when set, with nothing run otherwise", async () => {
    expect(await findingLines("g.js", component(""))).toEqual(["1: no-unbounded-timeout"]);
    expect(await findingLines("g.js", component(" else close();"))).toEqual(["1: no-unbounded-timeout"]);
  });
});
