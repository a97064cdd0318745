// Canned data in a tests folder: marathon-event-bus-client's `tests/exampleEvents.js` is a JSON document pasted into
// a module (`module.exports = { "add_health_check_event": { ..., "healthCheck": { "timeoutSeconds": 10 } } }`), the
// events its mock server sends and its tests compare with JSON equality. Nothing waits on a value of it. Only a whole
// module of JSON-style data (every key quoted, every value a literal, an object or an array) under a tests folder: a
// hand-written config (`module.exports = { timeout: 10000 }`) keeps its keys bare and stays judged.
import { TEST_OR_FIXTURE_FOLDER } from "./test-folders.ts";
import type { EsNode } from "./ast.ts";

// Jest's manual mocks folder: defender-base-client's `src/api/__mocks__/axios-error.ts` exports a captured
// `mockAxiosError: AxiosError = { config: { timeout: 0, ... } }` its tests throw. A module there that exports only
// data (bare keys too: the folder says what it is) holds doubles' data, not settings.
const MOCKS_FOLDER = /(^|[\\/])__mocks__[\\/]/;

/** Whether `program` (at `path`) is a tests folder's module of JSON-style data, or a mocks folder's data module. */
export function isCannedData(program: EsNode, path: string | undefined): boolean {
  if (path !== undefined && MOCKS_FOLDER.test(path)) return isMockData(program);
  if (path === undefined || !TEST_OR_FIXTURE_FOLDER.test(path)) return false;
  let data = 0;
  for (const statement of program.body as EsNode[]) {
    if (statement.type === "ExpressionStatement" && statement.directive !== undefined && statement.directive !== null)
      continue;
    const value = exportedValue(statement);
    if (!value || !jsonData(value, 0) || !(value.type === "ObjectExpression" || value.type === "ArrayExpression"))
      return false;
    data++;
  }
  return data > 0;
}

/** Imports, then only `export const x = <data>` / `export default <data>` (objects with bare or quoted keys). */
function isMockData(program: EsNode): boolean {
  let data = 0;
  for (const statement of program.body as EsNode[]) {
    if (statement.type === "ImportDeclaration") continue;
    const declaration = statement.type === "ExportNamedDeclaration" ? (statement.declaration as EsNode | null) : null;
    const values =
      declaration?.type === "VariableDeclaration"
        ? (declaration.declarations as EsNode[]).map((d) => d.init as EsNode | null)
        : [exportedValue(statement) ?? null];
    for (const value of values) {
      const object = value?.type === "TSAsExpression" ? (value.expression as EsNode) : value;
      if (!object || !jsonData(object, 0, true) || object.type !== "ObjectExpression") return false;
      data++;
    }
  }
  return data > 0;
}

/** `module.exports = {...}`, `exports.x = {...}`, `export default {...}`: the value a statement exports. */
function exportedValue(statement: EsNode): EsNode | undefined {
  if (statement.type === "ExportDefaultDeclaration") return statement.declaration as EsNode;
  if (statement.type !== "ExpressionStatement") return undefined;
  const expression = statement.expression as EsNode;
  if (expression.type !== "AssignmentExpression" || expression.operator !== "=") return undefined;
  const left = expression.left as EsNode;
  if (left.type !== "MemberExpression") return undefined;
  const object = left.object as EsNode;
  const exported =
    (object.type === "Identifier" && object.name === "exports") ||
    (object.type === "Identifier" && object.name === "module" && (left.property as EsNode).name === "exports");
  return exported ? (expression.right as EsNode) : undefined;
}

/** An object with quoted keys only (or bare ones too), an array, or a literal, all the way down. */
function jsonData(node: EsNode, depth: number, bareKeys = false): boolean {
  if (depth > 64) return false;
  switch (node.type) {
    case "Literal":
      return true;
    // A mock module's data may name other data (`undefined`, a shared constant), spell a string as a template, and give
    // the double its methods (`toJSON: () => ({})`).
    case "Identifier":
    case "TemplateLiteral":
    case "ArrowFunctionExpression":
    case "FunctionExpression":
      return bareKeys;
    // A captured header block spelled as `'GET / HTTP/1.1\r\n' + 'Accept: ...'`.
    case "BinaryExpression":
      return (
        bareKeys &&
        node.operator === "+" &&
        jsonData(node.left as EsNode, depth + 1, bareKeys) &&
        jsonData(node.right as EsNode, depth + 1, bareKeys)
      );
    case "UnaryExpression":
      return node.operator === "-" && (node.argument as EsNode).type === "Literal";
    case "ArrayExpression":
      return (node.elements as (EsNode | null)[]).every(
        (element) => element !== null && jsonData(element, depth + 1, bareKeys),
      );
    case "ObjectExpression":
      return (node.properties as EsNode[]).every(
        (property) =>
          property.type === "Property" &&
          !property.computed &&
          (bareKeys || !property.method) &&
          (((property.key as EsNode).type === "Literal" && typeof (property.key as EsNode).value === "string") ||
            (bareKeys && (property.key as EsNode).type === "Identifier")) &&
          jsonData(property.value as EsNode, depth + 1, bareKeys),
      );
    default:
      return false;
  }
}
