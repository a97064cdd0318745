// A module of canned data in a fixtures package: SoftLayer's `SoftLayer/fixtures/SoftLayer_Network_LBaaS_LoadBalancer.py`
// is nothing but `getObject = {..., 'clientTimeout': 30, ...}`, the responses its fixture transport serves to tests.
// A module with no code cannot wait, and data kept in a `fixtures` folder is what fakes hand to tests: its timeout
// keys bound nothing. Decided by what the module is (data only: no call, function, class or control flow anywhere),
// where it lives (a `fixtures`/`fixture` folder) and where the literal sits (inside a dict, list, tuple or set: a
// response body; a top-level `REQUEST_TIMEOUT = 30` is a shared setting a live test may import, reported); a fixtures
// module with code (pytest-salt's daemon fixtures that start and wait for real daemons, `config.py` building a
// master's settings in a function) is judged as any other.
import type { Node as TsNode } from "web-tree-sitter";

// What a canned response body is built of: only a literal inside one is canned data.
const CONTAINERS = new Set(["dictionary", "list", "tuple", "set"]);
// A folder of test fixtures: `pkg/fixtures/x.py`, `tests/fixture/y.py`.
const FIXTURES_FOLDER = /(^|[\\/])fixtures?[\\/][^\\/]+\.py$/;
// Literal data and references to other data: what a module of canned responses is built of.
const DATA = new Set([
  "dictionary",
  "pair",
  "list",
  "tuple",
  "set",
  "string",
  "string_start",
  "string_content",
  "string_end",
  "escape_sequence",
  "concatenated_string",
  "integer",
  "float",
  "true",
  "false",
  "none",
  "unary_operator",
  "parenthesized_expression",
  "identifier",
  "attribute",
  "comment",
]);

/**
 * Whether `value` sits inside a dict, list, tuple or set (a canned response body, `{'clientTimeout': 30}`), not a
 * top-level scalar constant (`REQUEST_TIMEOUT = 30` in `tests/fixtures/live.py`: a shared setting a live test may
 * hand to `requests.get`).
 */
export function inCannedValue(value: TsNode): boolean {
  for (let current = value.parent; current; current = current.parent) {
    if (CONTAINERS.has(current.type)) return true;
    if (current.type === "expression_statement" || current.type === "module") return false;
  }
  return false;
}

/** Whether `path` is a module of a fixtures folder and `root` (its syntax tree) holds only data (`fixture-data.ts`). */
export function isFixtureData(path: string | undefined, root: TsNode): boolean {
  if (!path || !FIXTURES_FOLDER.test(path)) return false;
  return root.namedChildren.every((statement) => {
    if (!statement || statement.type === "comment") return true;
    if (statement.type === "import_statement" || statement.type === "import_from_statement") return true;
    if (statement.type !== "expression_statement") return false;
    return statement.namedChildren.every((expression) => {
      if (!expression) return true;
      // A docstring, or `name = <data>`.
      if (expression.type === "string") return true;
      if (expression.type !== "assignment") return false;
      const left = expression.childForFieldName("left");
      const right = expression.childForFieldName("right");
      return left?.type === "identifier" && right !== null && onlyData(right);
    });
  });
}

function onlyData(node: TsNode): boolean {
  if (!DATA.has(node.type)) return false;
  for (const child of node.namedChildren) if (child && !onlyData(child)) return false;
  return true;
}
