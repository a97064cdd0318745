// A method's call of its base class's constructor: `super().__init__(...)` and `super(Client, self).__init__(...)`
// run the class's first base's; `Base.__init__(self, ...)` and `http.client.HTTPConnection.__init__(self, ...)` the
// base they name, with the object passed first. One reader for the bases of this file (`callees.ts`), of another
// module of the package (`package-callees.ts`) and of a library's network clients (`inherited-clients.ts`).
import type { Node as TsNode } from "web-tree-sitter";

/** The base a constructor call runs, as written (`base.HTTPClient`), and whether the object is its first argument. */
export interface BaseInit {
  readonly base: string;
  /** `Base.__init__(self, ...)`: the first positional argument fills `self`, not the base's first parameter. */
  readonly selfPassed: boolean;
}

const SUPER_INIT = /^super\((\w+,self)?\)\.__init__$/;
const EXPLICIT_INIT = /^([\w.]+)\.__init__$/;

/** The bases of class `cls` as written, whitespace removed (subscripted, called and keyword bases left out). */
export function classBases(cls: TsNode | undefined): string[] {
  return (cls?.childForFieldName("superclasses")?.namedChildren ?? [])
    .filter((base): base is TsNode => base !== null && (base.type === "identifier" || base.type === "attribute"))
    .map((base) => base.text.replace(/\s+/g, ""));
}

/** The base constructor the call `written` (its callee, whitespace removed) runs from a method of class `cls`. */
export function baseInitOf(written: string, cls: TsNode | undefined): BaseInit | undefined {
  if (SUPER_INIT.test(written)) {
    const base = classBases(cls)[0];
    return base === undefined ? undefined : { base, selfPassed: false };
  }
  const named = EXPLICIT_INIT.exec(written)?.[1];
  return named === undefined ? undefined : { base: named, selfPassed: true };
}
