// A receiver named like an HTTP library that the file binds to data: `requests = urllib.parse.parse_qs(query)` then
// `requests.get("params")` (magcode's JSON-RPC server) is a dict lookup, not the `requests` library's GET. Python
// binds a name assigned in a function to a local for the whole function, so the module `requests` is not what the
// call reaches there.
import type { Node as TsNode } from "web-tree-sitter";
import type { PyFacts } from "./facts.ts";
import { unwrap } from "./syntax.ts";

// Values that are data: a literal collection, a comprehension, a subscript, a string.
const DATA_VALUES =
  /^(dictionary|list|set|tuple|string|concatenated_string|dictionary_comprehension|list_comprehension|set_comprehension|subscript)$/;
// Calls that bind a module (`pytest.importorskip("requests")`, `importlib.import_module(...)`, `__import__(...)`,
// `lazy_import("requests")`): the name is the library after all.
const MODULE_LOADERS = /import/i;

/**
 * The callee's receiver (`requests` of `requests.get`) is a name every binding of which, in the scope the call reads it
 * from, is data: a collection literal or comprehension, a subscript, or a call that loads no module (`parse_qs(q)`,
 * `json.loads(body)`, `[requests]`). A parameter, a loop's target, `None` (the `except ImportError` fallback) or
 * another name may be the library itself: those stay the library's.
 */
export function boundToData(facts: PyFacts, callee: TsNode, libraries: ReadonlySet<string>): boolean {
  if (callee.type !== "attribute") return false;
  const object = callee.childForFieldName("object");
  // Only a receiver written as the library's own name: `session.get(url)` on `session = requests.Session()` is the
  // library's session.
  if (object?.type !== "identifier" || !libraries.has(object.text)) return false;
  const sources = facts.bindingSources(object);
  return (
    sources.length > 0 &&
    sources.every((source) => {
      if (!source) return false;
      const value = unwrap(source);
      if (DATA_VALUES.test(value.type)) return true;
      if (value.type !== "call") return false;
      const made = value.childForFieldName("function");
      // Nor a call of the library (`requests = httpx.Client()`).
      return (
        made !== null && !MODULE_LOADERS.test(made.text) && !libraries.has(facts.resolve(made.text).split(".")[0]!)
      );
    })
  );
}
