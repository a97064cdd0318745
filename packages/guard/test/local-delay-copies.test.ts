import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// Display delays read from a defaults table (session 27, guard-jsdisplay27): a timeout copied into a short local
// (`const t = this.disposeTimeout`) that is only tested and handed to a timer whose callback detaches a node and sets
// a component's flag is a display delay; the same shapes whose timer rejects, says the wait is done, destroys a socket,
// or whose local is also handed to `fetch`, stay reported.

const table = [
  "const defaults = {",
  "  disposeTimeout: 150,",
  "  answerTimeout: 300,",
  "  lockTimeout: 200,",
  "  requestTimeout: 5000,",
  "  closeTimeout: 400,",
  "};",
];
const method = (name: string, key: string, body: string, after = "") => [
  `  ${name}() {`,
  `    const t = defaults.${key};`,
  "    t !== null &&",
  `      (this.timer = setTimeout(() => { ${body} }, t));`,
  after,
  "  },",
];
const shown = "this.node && (this.detach(), (this.isMounted = false));";
const detach = ["  detach() {", "    this.node.parentNode && this.node.parentNode.removeChild(this.node);", "  },"];

describe("a timeout copied into a local that is only a display timer's delay", () => {
  it("releases a defaults table's delay whose timer detaches a node and sets a flag", async () => {
    const source = [...table, "export const Popper = {", ...method("hide", "disposeTimeout", shown), ...detach, "};"];
    expect(await findingLines("popper.js", source.join("\n"))).toEqual([
      "3: no-hardcoded-timeout",
      "4: no-hardcoded-timeout",
      "5: no-hardcoded-timeout",
      "6: no-hardcoded-timeout",
    ]);
  });

  it("keeps a rejecting timer, a flag saying the wait is done, a destroyed socket and a local handed to fetch", async () => {
    const source = [
      ...table,
      "export const Popper = {",
      ...method("hide", "answerTimeout", 'this.pending && this.pending.reject(new Error("late"));'),
      ...method("later", "lockTimeout", "this.done = true;"),
      ...method("load", "requestTimeout", "this.isLoading = false;", "    return fetch(this.url, { timeout: t });"),
      ...method("close", "closeTimeout", "this.socket && this.socket.destroy();"),
      ...method("dispose", "disposeTimeout", shown),
      ...detach,
      "};",
    ];
    expect(await findingLines("popper.js", source.join("\n"))).toEqual([
      "3: no-hardcoded-timeout",
      "4: no-hardcoded-timeout",
      "5: no-hardcoded-timeout",
      "6: no-hardcoded-timeout",
    ]);
  });

  it("keeps the delay when the same name's local also arms a timer that rejects", async () => {
    const source = [
      ...table,
      "export const Popper = {",
      ...method("hide", "disposeTimeout", shown),
      ...method("wait", "disposeTimeout", 'this.pending && this.pending.reject(new Error("late"));'),
      ...detach,
      "};",
    ];
    expect(await findingLines("popper.js", source.join("\n"))).toContain("2: no-hardcoded-timeout");
  });
});
