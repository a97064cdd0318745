// Objects built as data, not as settings. A duck-typed fake built as one object literal
// (@ledgerhq/hw-transport-mocker's `aTransportBuilder`: `{ exchangeTimeout: 30000, unresponsiveTimeout: 15000, ...,
// exchange: jest.fn(), close: jest.fn(), ... }`): its methods are doubles, so nothing of it waits, and its numbers are
// data a test reads back or ignores. A record of placeholder fields (`{ foo: "bar", timeout: 60 }`) is sample data.
import { calleePath, type EsNode, propertyName, unwrap } from "./ast.ts";
import { SPY } from "./no-wait-shapes.ts";

/** How many methods must be doubles, at least, and at least half the entries. */
const MIN_DOUBLES = 4;

/**
 * The number-valued entries of a fake object literal: at least four of its values, and half of them, made doubles
 * (`no-wait-shapes.ts`' `SPY`: `jest.fn()`, `vi.fn()`, `sinon.stub()`, ...).
 */
export function fakeObjectNumbers(properties: readonly EsNode[]): EsNode[] {
  // Every object literal of a file comes here: most are too small to be a fake.
  if (properties.length < MIN_DOUBLES) return [];
  let doubles = 0;
  for (const property of properties) {
    if (property.type !== "Property") continue;
    const value = unwrap(property.value as EsNode);
    // `jest.fn()` and `jest.fn().mockReturnValue(...)`: the call chain starts at the double's maker.
    let callee: EsNode | undefined = value.type === "CallExpression" ? (value.callee as EsNode) : undefined;
    while (callee?.type === "MemberExpression" && (callee.object as EsNode).type === "CallExpression")
      callee = ((callee.object as EsNode).callee as EsNode) ?? undefined;
    if (callee && SPY.test(calleePath(callee) ?? "")) doubles += 1;
  }
  if (doubles < MIN_DOUBLES || doubles * 2 < properties.length) return [];
  return properties.filter((property) => {
    if (property.type !== "Property") return false;
    const value = unwrap(property.value as EsNode);
    return value.type === "Literal" && typeof value.value === "number";
  });
}

/** Placeholder names (`foo`, `bar`, `baz`): keys no real setting or protocol field is called. */
const PLACEHOLDER = /^(foo|bar|baz|qux|quux)$/;

/**
 * The number-valued entries of an object literal of sample data: one of its keys is a placeholder holding a plain
 * value (`createHash("bkey", { foo: "bar", timeout: 60, ok: null })`, @jambonz/realtimedb-helpers' tests, fresh322:
 * a record stored and read back, whatever its fields are called).
 */
export function sampleObjectNumbers(properties: readonly EsNode[]): EsNode[] {
  const sample = properties.some(
    (property) =>
      property.type === "Property" &&
      PLACEHOLDER.test(propertyName(property) ?? "") &&
      unwrap(property.value as EsNode).type === "Literal",
  );
  if (!sample) return [];
  return properties.filter((property) => {
    if (property.type !== "Property") return false;
    const value = unwrap(property.value as EsNode);
    return value.type === "Literal" && typeof value.value === "number";
  });
}
