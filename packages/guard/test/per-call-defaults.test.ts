import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// A call's own "no limit" defaults (session 28, guard-jsunb28): a function that rebuilds its options on every call
// from its own `{ timeout: 0 }` and what its caller passed (node-imagemagick's `exec2`), or that rewrites a missing
// parameter to 0 and only tests it or copies it into a local table it hands to a call (`convert(args, timeout)`,
// session 28, guard-jsunb28b), leaves the limit to its caller: not reported. The same 0 kept on `this`, a table at
// module level, handed to `new`, to a timer or to a method (`socket.setTimeout(timeout)`) stays reported. And props handed to another package's UI component
// (`jsx(CopyButton, { timeout: 1500 })` with `CopyButton` from `@mantine/core`) are how long something shows.

const exec = (table: string, after = "") =>
  [
    'var childproc = require("child_process");',
    "function exec2(file, args) {",
    `  ${table}`,
    '  if (typeof arguments[2] == "object") {',
    "    var keys = Object.keys(options);",
    "    for (var i = 0; i < keys.length; i++) {",
    "      var k = keys[i];",
    "      if (arguments[2][k] !== undefined) options[k] = arguments[2][k];",
    "    }",
    "  }",
    "  var child = childproc.spawn(file, args);",
    "  if (options.timeout > 0) {",
    '    setTimeout(function () { child.kill("SIGKILL"); }, options.timeout);',
    "  }",
    after,
    "  return child;",
    "}",
  ].join("\n");

describe("a call's own no-limit default", () => {
  it("does not report a local options table merged with the caller's options", async () => {
    expect(await findingLines("lib.js", exec('var options = { encoding: "utf8", timeout: 0 };'))).toEqual([]);
  });

  it("does not report a table that spreads the caller's options over its 0", async () => {
    const source = [
      "async function stop(container, options) {",
      "  const resolved = { timeout: 0, ...options };",
      "  await new Promise((resolve) => setTimeout(resolve, resolved.timeout));",
      "  return container.kill();",
      "}",
    ].join("\n");
    expect(await findingLines("lib.js", source)).toEqual([]);
  });

  it("keeps reporting the same table when the function keeps it on this", async () => {
    expect(
      await findingLines(
        "lib.js",
        exec('var options = { encoding: "utf8", timeout: 0 };', "  this.options = options;"),
      ),
    ).toEqual(["3: no-unbounded-timeout"]);
  });

  it("keeps reporting a table the body never merges with its caller's options", async () => {
    const source = [
      'var childproc = require("child_process");',
      "function exec3(file, args) {",
      "  var options = { timeout: 0 };",
      "  var child = childproc.spawn(file, args);",
      "  if (options.timeout > 0) setTimeout(function () { child.kill(); }, options.timeout);",
      "  return child;",
      "}",
    ].join("\n");
    expect(await findingLines("lib.js", source)).toEqual(["3: no-unbounded-timeout"]);
  });

  it("keeps reporting the rewritten parameter when the object keeps it", async () => {
    const source = [
      'var childproc = require("child_process");',
      "exports.run = function (file, timeout) {",
      '  if (typeof timeout !== "number") timeout = 0;',
      "  exports.lastTimeout = timeout;",
      "  var child = childproc.spawn(file);",
      "  if (timeout > 0) setTimeout(function () { child.kill(); }, timeout);",
      "  return child;",
      "};",
    ].join("\n");
    expect(await findingLines("lib.js", source)).toEqual(["3: no-unbounded-timeout"]);
  });
});

describe("props handed to another package's component", () => {
  const copy = (from: string) =>
    [
      'import { jsx } from "react/jsx-runtime";',
      `import { CopyButton } from "${from}";`,
      "export const Link = ({ url }) => jsx(CopyButton, { value: url, timeout: 1500 });",
    ].join("\n");

  it("does not report a compiled JSX call's prop of a component imported from a package", async () => {
    expect(await findingLines("lib.js", copy("@mantine/core"))).toEqual([]);
  });

  it("keeps reporting the prop of the package's own component", async () => {
    expect(await findingLines("lib.js", copy("./copy-button.js"))).toEqual(["3: no-hardcoded-timeout"]);
  });

  // fresh124's @arcblock/ux: a minified build renames both the runtime's `jsx` and MUI's `Fade`.
  it("reads a minifier's renamed jsx call as the runtime's, for a renamed component of a package", async () => {
    const renamed = (from: string) =>
      [
        'import { jsx as e } from "react/jsx-runtime";',
        `import { Fade as P } from "${from}";`,
        "export const Pop = ({ open }) => e(P, { in: open, timeout: 350 });",
      ].join("\n");
    expect(await findingLines("lib/index.js", renamed("@mui/material"))).toEqual([]);
    expect(await findingLines("lib/index.js", renamed("./fade.js"))).toEqual(["3: no-hardcoded-timeout"]);
  });

  it("does not report a JSX attribute of a component imported from a package", async () => {
    const source = [
      'import { Fetcher } from "react-fetcher";',
      "export const A = () => <Fetcher url={u} requestTimeout={5000} />;",
    ].join("\n");
    expect(await findingLines("a.jsx", source)).toEqual([]);
    expect(await findingLines("a.jsx", source.replace('"react-fetcher"', '"./fetcher"'))).toEqual([
      "2: no-hardcoded-timeout",
    ]);
  });

  it("keeps reporting a wait in a callback prop", async () => {
    const source = [
      'import { jsx } from "react/jsx-runtime";',
      'import { Button } from "@mantine/core";',
      "export const B = () => jsx(Button, { onClick: () => fetch(u, { signal: AbortSignal.timeout(5000) }) });",
    ].join("\n");
    expect(await findingLines("lib.js", source)).toEqual(["3: no-hardcoded-timeout"]);
  });
});

const convert = (after: string) =>
  [
    'var childproc = require("child_process");',
    "function exec2(file, args, options, callback) {",
    "  var child = childproc.spawn(file, args);",
    '  if (options.timeout > 0) setTimeout(function () { child.kill("SIGKILL"); }, options.timeout);',
    "  return child;",
    "}",
    "exports.convert = function (args, timeout, callback) {",
    '  var procopt = { encoding: "binary" };',
    '  if (typeof timeout === "function") {',
    "    callback = timeout;",
    "    timeout = 0;",
    '  } else if (typeof timeout !== "number") {',
    "    timeout = 0;",
    "  }",
    "  if (timeout && (timeout = parseInt(timeout)) > 0 && !isNaN(timeout)) procopt.timeout = timeout;",
    after,
    '  return exec2("convert", args, procopt, callback);',
    "};",
  ].join("\n");

describe("a parameter rewritten to 0 by a leading if", () => {
  it("does not report it when it is only tested and copied into a local table handed to a call", async () => {
    expect(await findingLines("lib.js", convert(""))).toEqual([]);
  });

  it("keeps reporting it when the table is kept outside the call", async () => {
    expect(await findingLines("lib.js", convert("  exports.last = procopt;"))).toEqual([
      "11: no-unbounded-timeout",
      "13: no-unbounded-timeout",
    ]);
  });

  it("keeps reporting it when the value reaches a method or a timer", async () => {
    expect(await findingLines("lib.js", convert("  child.setTimeout(timeout);"))).toEqual([
      "11: no-unbounded-timeout",
      "13: no-unbounded-timeout",
    ]);
    expect(
      await findingLines("lib.js", convert("  if (timeout > 0) this.timer = setTimeout(abort, timeout);")),
    ).toEqual(["11: no-unbounded-timeout", "13: no-unbounded-timeout"]);
  });
});
