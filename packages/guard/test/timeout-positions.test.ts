import { describe, expect, it } from "vitest";
import { DEFAULT_TIMEOUT_APIS } from "../src/apis.ts";
import { apiTimeoutPlace, Signatures } from "../src/detect/python/timeout-positions.ts";
import { isTimeoutName } from "../src/names.ts";

/** The timeout places `Signatures` reads from these module texts. */
function positionsOf(...modules: string[]) {
  const signatures = new Signatures();
  for (const text of modules) signatures.add(text);
  return { ...signatures.positions((name) => isTimeoutName(name)) };
}

describe("Signatures: where a package's own definitions take a timeout positionally", () => {
  it("reads a place past self, an annotation and a default", () => {
    expect(positionsOf("class A:\n    def wait(self, name, timeout: float = 5.0):\n        pass\n")).toEqual({
      wait: { 1: "timeout" },
    });
  });

  it("skips a positional-only marker and stops at *args (what follows is keyword-only)", () => {
    expect(positionsOf("def a(x, /, timeout=1):\n    pass\n", "def b(x, *args, timeout=1):\n    pass\n")).toEqual({
      a: { 1: "timeout" },
    });
  });

  it("reads a nested def like a top-level one", () => {
    expect(positionsOf("def outer():\n    def inner(timeout):\n        pass\n    return inner\n")).toEqual({
      inner: { 0: "timeout" },
    });
  });

  it("two definitions of a name that disagree in that place: neither is read, whichever comes first", () => {
    const lock = "class LockingQueue:\n    def get(self, timeout=None):\n        pass\n";
    const queue = "class Queue:\n    def get(self, key):\n        pass\n";
    expect(positionsOf(lock, queue)).toEqual({});
    expect(positionsOf(queue, lock)).toEqual({});
  });

  it("a signature it cannot read (a triple-quoted default) disagrees with every other definition", () => {
    const unreadable = 'def wait(timeout=5, doc="""x"""):\n    pass\n';
    expect(positionsOf(unreadable)).toEqual({});
    expect(positionsOf("def wait(timeout=5):\n    pass\n", unreadable)).toEqual({});
  });

  it("a method named like an Object member (`constructor`) is a name like any other; the global Object is untouched", () => {
    const positions = positionsOf("class C:\n    def constructor(self, timeout=5):\n        pass\n");
    expect(positions).toEqual({ constructor: { 0: "timeout" } });
    expect(Object.hasOwn(Object, "0")).toBe(false);
  });

  it("a parameter the body hands to a known API's timeout place takes a timeout there; the poll frequency's does not", () => {
    const page = [
      "class Page:",
      "    def wait_for_error(self, sec=20, every=1):",
      "        ui.WebDriverWait(self.driver, sec, every).until(ready)",
      "    def wait_done(self, done, sec):",
      "        done.wait(sec)",
      "    def rows(self, count):",
      "        return self.table.head(count)",
      "",
    ].join("\n");
    const signatures = new Signatures();
    signatures.add(page);
    expect({ ...signatures.positions((name) => isTimeoutName(name), apiTimeoutPlace(DEFAULT_TIMEOUT_APIS)) }).toEqual({
      wait_for_error: { 0: "sec" },
      wait_done: { 1: "sec" },
    });
    // Without the APIs' places, only names say timeout.
    expect(positionsOf(page)).toEqual({});
  });
});
