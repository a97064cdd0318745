import { CacheError } from "./errors.ts";

/** Largest value accepted, in UTF-8 bytes of its JSON. */
export const MAX_VALUE_BYTES = 512 * 1024;

/**
 * Serialises a value as JSON, refusing what would not come back unchanged from `get`: undefined,
 * NaN and the infinities, -0, BigInt, functions, symbols, Dates, Maps, Sets, class instances,
 * sparse arrays, cycles, and anything larger than `maxBytes`.
 */
export function encodeValue(key: string, value: unknown, maxBytes = MAX_VALUE_BYTES): string {
  if (value === undefined) {
    throw new CacheError("ORG_CACHE_VALUE", `cannot cache undefined for "${key}": undefined is what a miss returns`);
  }
  const problem = check(value, "value", new Set());
  if (problem) {
    throw new CacheError(
      "ORG_CACHE_VALUE",
      `cannot cache the value for "${key}": ${problem}; store plain JSON (objects, arrays, strings, finite numbers, booleans, null)`,
    );
  }
  const text = JSON.stringify(value);
  const bytes = text.length * 3 > maxBytes ? Buffer.byteLength(text) : text.length;
  if (bytes > maxBytes) {
    throw new CacheError(
      "ORG_CACHE_VALUE",
      `cannot cache the value for "${key}": it is ${Buffer.byteLength(text)} bytes of JSON and the limit is ${maxBytes} (maxValueBytes)`,
    );
  }
  return text;
}

function check(value: unknown, path: string, seen: Set<object>): string | undefined {
  switch (typeof value) {
    case "string":
    case "boolean":
      return undefined;
    case "number":
      if (!Number.isFinite(value)) return `${path} is ${value}, which JSON turns into null`;
      if (Object.is(value, -0)) return `${path} is -0, which JSON turns into 0`;
      return undefined;
    case "object": {
      if (value === null) return undefined;
      if (seen.has(value)) return `${path} refers back to itself`;
      seen.add(value);
      try {
        if (Array.isArray(value)) {
          for (let i = 0; i < value.length; i++) {
            if (!(i in value)) return `${path}[${i}] is a hole, which JSON turns into null`;
            const inner = check(value[i], `${path}[${i}]`, seen);
            if (inner) return inner;
          }
          return undefined;
        }
        const proto = Object.getPrototypeOf(value) as unknown;
        if (proto !== Object.prototype && proto !== null) {
          const name = (value as { constructor?: { name?: string } }).constructor?.name ?? "object";
          return `${path} is a ${name}, which JSON does not carry back`;
        }
        if (Object.getOwnPropertySymbols(value).length > 0) return `${path} has symbol keys, which JSON drops`;
        for (const [name, inner] of Object.entries(value)) {
          const problem =
            inner === undefined
              ? `${path}.${name} is undefined, which JSON drops`
              : check(inner, `${path}.${name}`, seen);
          if (problem) return problem;
        }
        return undefined;
      } finally {
        seen.delete(value);
      }
    }
    default:
      return `${path} is a ${typeof value}, which JSON cannot store`;
  }
}
