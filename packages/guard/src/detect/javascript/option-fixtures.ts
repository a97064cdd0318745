// A Playwright option fixture's own `timeout`: `test.extend({ config: [defaultConfig, { option: true, scope: "worker",
// timeout: 60000 }] })` (@genesislcap/foundation-testing, fresh406). An option fixture whose value is given as it is,
// not a function, has no setup or teardown to run: the fixture's `timeout`, the bound of those, bounds nothing. A fixture
// written as a function (`[async ({ page }, use) => { ... }, { timeout: 60000 }]`) keeps its timeout reported.
import { type EsNode, FUNCTION_TYPES, isNode, propertyName, span, unwrap } from "./ast.ts";

/** The span of the options of `key: [value, { option: true, ..., timeout }]` when `value` is no function. */
export function optionFixtureTimeouts(property: EsNode): [number, number][] {
  if (property.type !== "Property" || !isNode(property.value)) return [];
  const tuple = unwrap(property.value as EsNode);
  if (tuple.type !== "ArrayExpression") return [];
  const [value, options] = tuple.elements as (EsNode | null)[];
  if ((tuple.elements as unknown[]).length !== 2 || !value || !options) return [];
  const settings = unwrap(options);
  if (settings.type !== "ObjectExpression" || FUNCTION_TYPES.has(unwrap(value).type)) return [];
  const keys = new Map<string, EsNode>();
  for (const entry of settings.properties as EsNode[])
    if (entry.type === "Property") keys.set(propertyName(entry) ?? "", entry.value as EsNode);
  const option = keys.get("option");
  const isOption = option !== undefined && unwrap(option).type === "Literal" && unwrap(option).value === true;
  return isOption && keys.has("timeout") ? [span(settings)] : [];
}
