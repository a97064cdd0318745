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

// The data folder of a package's testing helpers: globus-sdk's `globus_sdk/_testing/data/auth/get_policies.py`, canned
// API responses (`RegisteredResponse(json={..., "authentication_assurance_timeout": 35})`) its test helpers register
// with `responses`, built by small functions.
const TESTING_DATA_FOLDER = /(^|[\\/])(_?testing|tests?)[\\/](data|responses)[\\/]([^\\/]+[\\/])*[^\\/]+\.py$/;
// Modules that make a module able to wait (a client, a socket, a clock, a process, a thread): a data module imports none.
const WAITING_IMPORT =
  /^\s*(from|import)\s+(requests|httpx|aiohttp|urllib3?|socket|ssl|time|asyncio|trio|anyio|subprocess|threading|multiprocessing|concurrent|selectors|select|http\.client|websockets?|redis|grpc|paramiko)\b/m;

/**
 * Whether `path` is a module of canned data (`fixture-data.ts`): in a fixtures folder with only data in `root` (its
 * syntax tree), or in a testing package's data folder, importing nothing that could wait.
 */
export function isFixtureData(path: string | undefined, root: TsNode): boolean {
  if (path && TESTING_DATA_FOLDER.test(path)) return !WAITING_IMPORT.test(root.text);
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
