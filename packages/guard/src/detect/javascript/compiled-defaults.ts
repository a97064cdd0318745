// Babel's and TypeScript's ES5 output of a default parameter: `debounce(func, timeout = 500)` compiles to `debounce(func)
// { let timeout = arguments.length > 1 && arguments[1] !== undefined ? arguments[1] : 500; ... }` (walletconnect's
// `lib/module`). The declaration is the parameter, so what is said of a function's parameters holds for it too.
import { type EsNode, isNode, span, unwrap } from "./ast.ts";

/** `arguments.length > 1 && arguments[1] !== undefined ? arguments[1] : 500` (the test as Babel writes it). */
function isCompiledDefault(init: unknown): boolean {
  if (!isNode(init) || init.type !== "ConditionalExpression") return false;
  const consequent = unwrap(init.consequent as EsNode);
  const object = consequent.type === "MemberExpression" ? unwrap(consequent.object as EsNode) : undefined;
  return object?.type === "Identifier" && object.name === "arguments" && /\barguments\.length\b/.test(testText(init));
}

// The test's shape, without the source: enough to see `arguments.length`.
function testText(init: EsNode): string {
  const test = unwrap(init.test as EsNode);
  const left = test.type === "LogicalExpression" ? unwrap(test.left as EsNode) : test;
  const compared = left.type === "BinaryExpression" ? unwrap(left.left as EsNode) : undefined;
  if (compared?.type !== "MemberExpression") return "";
  const object = unwrap(compared.object as EsNode);
  const property = compared.property as EsNode;
  return object.type === "Identifier" && property.type === "Identifier" ? `${object.name}.${property.name}` : "";
}

/** Where the function's compiled default parameters end (the leading `var x = arguments...` declarations), if any. */
export function compiledDefaultsEnd(fn: EsNode): number | undefined {
  const body = isNode(fn.body) ? (fn.body as EsNode) : undefined;
  if (body?.type !== "BlockStatement") return undefined;
  let end: number | undefined;
  for (const statement of body.body as EsNode[]) {
    if (statement.type !== "VariableDeclaration") break;
    const declarations = statement.declarations as EsNode[];
    if (!declarations.every((declaration) => isCompiledDefault(declaration.init))) break;
    end = span(statement)[1];
  }
  return end;
}
