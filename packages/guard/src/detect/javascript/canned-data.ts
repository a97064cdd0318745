// Canned data in a tests folder: marathon-event-bus-client's `tests/exampleEvents.js` is a JSON document pasted into
// a module (`module.exports = { "add_health_check_event": { ..., "healthCheck": { "timeoutSeconds": 10 } } }`), the
// events its mock server sends and its tests compare with JSON equality. Nothing waits on a value of it. Only a whole
// module of JSON-style data (every key quoted, every value a literal, an object or an array) under a tests folder: a
// hand-written config (`module.exports = { timeout: 10000 }`) keeps its keys bare and stays judged.
import { TEST_OR_FIXTURE_FOLDER } from "./test-folders.ts";
import type { EsNode } from "./ast.ts";

/** A path inside a tests folder. */

/** Whether `program` (at `path`) is a tests folder's module of JSON-style data. */
export function isCannedData(program: EsNode, path: string | undefined): boolean {
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

/** An object with quoted keys only, an array, or a literal, all the way down. */
function jsonData(node: EsNode, depth: number): boolean {
  if (depth > 64) return false;
  switch (node.type) {
    case "Literal":
      return true;
    case "UnaryExpression":
      return node.operator === "-" && (node.argument as EsNode).type === "Literal";
    case "ArrayExpression":
      return (node.elements as (EsNode | null)[]).every((element) => element !== null && jsonData(element, depth + 1));
    case "ObjectExpression":
      return (node.properties as EsNode[]).every(
        (property) =>
          property.type === "Property" &&
          !property.computed &&
          !property.method &&
          (property.key as EsNode).type === "Literal" &&
          typeof (property.key as EsNode).value === "string" &&
          jsonData(property.value as EsNode, depth + 1),
      );
    default:
      return false;
  }
}
