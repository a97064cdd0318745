import { CacheError } from "./errors.ts";

/** Longest cache key accepted, in UTF-8 bytes. */
export const MAX_KEY_BYTES = 1024;

/** Refuses keys that are empty, too long or hold whitespace or control characters. */
export function validateKey(key: unknown): string {
  if (typeof key !== "string" || key.length === 0) {
    throw new CacheError("ORG_CACHE_KEY", `cache keys are non-empty strings (got ${describe(key)})`);
  }
  if (key.length * 3 > MAX_KEY_BYTES && Buffer.byteLength(key) > MAX_KEY_BYTES) {
    throw new CacheError(
      "ORG_CACHE_KEY",
      `cache key is ${Buffer.byteLength(key)} bytes; the limit is ${MAX_KEY_BYTES}`,
    );
  }
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(key)) {
    throw new CacheError(
      "ORG_CACHE_KEY",
      `cache key ${JSON.stringify(key.slice(0, 80))} holds whitespace or control characters`,
    );
  }
  return key;
}

/** Serialises a value, refusing what JSON cannot carry back unchanged. */
export function encodeValue(key: string, value: unknown): string {
  if (value === undefined) {
    throw new CacheError("ORG_CACHE_VALUE", `cannot cache undefined for "${key}": undefined is what a miss returns`);
  }
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new CacheError("ORG_CACHE_VALUE", `cannot cache the value for "${key}": ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (text === undefined)
    throw new CacheError("ORG_CACHE_VALUE", `cannot cache a ${typeof value} for "${key}": values must be JSON`);
  return text;
}

function describe(value: unknown): string {
  return typeof value === "string" ? '""' : typeof value;
}

/**
 * Where a cache key lives in Redis. The value and its generation share a hash tag, so both
 * land on one slot of a Redis Cluster and one Lua script can touch both.
 */
export class KeyLayout {
  constructor(readonly namespace: string) {}
  value(key: string): string {
    return `${this.namespace}:{${key}}`;
  }
  generation(key: string): string {
    return `${this.namespace}:{${key}}:gen`;
  }
  applied(id: string): string {
    return `${this.namespace}:applied:${id}`;
  }
  get outbox(): string {
    return `${this.namespace}:outbox`;
  }
}
