import fs, { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { install } from "../eval/fetched.mjs";
import { tempTree } from "./helpers.ts";

// eval/run.mjs's shared cache: every engineer's run fetches into it at once, each extracting into a directory of its
// own and then installing it. A complete copy (one holding `.done`) is what runs read from after fetchPackage returns.

/** An extracted package as a run leaves it before `install`: its files and `.done`. */
function extracted(root: string, name: string, text: string): string {
  const work = join(root, name);
  mkdirSync(join(work, "src"), { recursive: true });
  writeFileSync(join(work, "src", "index.js"), text);
  writeFileSync(join(work, ".done"), "");
  return work;
}

describe("eval cache: installing a fetched package", () => {
  it("moves the extracted copy into place when none is there", () => {
    const root = tempTree({});
    const dir = join(root, "pkg@1.0.0");
    install(extracted(root, "pkg@1.0.0.partial-1", "mine\n"), dir);
    expect(readFileSync(join(dir, "src", "index.js"), "utf8")).toBe("mine\n");
    expect(existsSync(join(root, "pkg@1.0.0.partial-1"))).toBe(false);
  });

  it("leaves another run's complete copy in place (the same directory) and drops its own", () => {
    const root = tempTree({});
    const dir = join(root, "pkg@1.0.0");
    install(extracted(root, "a.partial", "first\n"), dir);
    const before = statSync(dir).ino;
    install(extracted(root, "b.partial", "second\n"), dir);
    expect(statSync(dir).ino).toBe(before);
    expect(readFileSync(join(dir, "src", "index.js"), "utf8")).toBe("first\n");
    expect(existsSync(join(root, "b.partial"))).toBe(false);
  });

  it("replaces an incomplete leftover (no .done) with the extracted copy", () => {
    const root = tempTree({ "pkg@1.0.0/src/half.js": "partial\n" });
    const dir = join(root, "pkg@1.0.0");
    install(extracted(root, "pkg.partial", "whole\n"), dir);
    expect(readFileSync(join(dir, "src", "index.js"), "utf8")).toBe("whole\n");
    expect(existsSync(join(dir, "src", "half.js"))).toBe(false);
    expect(existsSync(join(dir, ".done"))).toBe(true);
  });

  it("another run's copy arriving just after this run looked is kept: this run's goes, not the one being read", () => {
    const root = tempTree({});
    const dir = join(root, "pkg@1.0.0");
    const mine = extracted(root, "mine.partial", "mine\n");
    const theirs = extracted(root, "theirs.partial", "theirs\n");
    // The other run renames its copy into place right after this run's first look finds none: the interleaving of two
    // runs that finish extracting one package together, replayed (fs.existsSync as the module sees it, for one call).
    const look = fs.existsSync;
    let arrived = false;
    fs.existsSync = (path) => {
      const found = look(path);
      if (!arrived && path === join(dir, ".done")) {
        arrived = true;
        fs.renameSync(theirs, dir);
      }
      return found;
    };
    syncBuiltinESMExports();
    try {
      install(mine, dir);
    } finally {
      fs.existsSync = look;
      syncBuiltinESMExports();
    }
    expect(arrived).toBe(true);
    expect(readFileSync(join(dir, "src", "index.js"), "utf8")).toBe("theirs\n");
    expect(existsSync(mine)).toBe(false);
  });
});
