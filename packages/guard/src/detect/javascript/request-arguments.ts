// What a request call's arguments show of its bound (`client-defaults.ts`, `node-requests.ts`): a URL, a callback, or
// options written in place without a bounding key cannot give it a timeout; anything else (a spread, options from a
// parameter, a call's result) may.
import { type EsNode, propertyName } from "./ast.ts";

/**
 * Whether `arg` cannot bound the request: a string or template (a URL), a function written in place (a callback), an
 * identifier `names` accepts (`url`, `cb`), or an object literal with no spread and no key `bounding` matches.
 */
export function unboundingArgument(arg: EsNode, bounding: RegExp, names: (name: string) => boolean): boolean {
  if (arg.type === "Literal" || arg.type === "TemplateLiteral") return true;
  if (arg.type === "ArrowFunctionExpression" || arg.type === "FunctionExpression") return true;
  if (arg.type === "Identifier") return names(arg.name as string);
  if (arg.type !== "ObjectExpression") return false;
  return (arg.properties as EsNode[]).every((property) => {
    if (property.type !== "Property") return false;
    const key = propertyName(property);
    return key !== undefined && !bounding.test(key);
  });
}
