import { CacheError } from "./errors.ts";

/** Longest cache key accepted, in UTF-8 bytes. */
export const MAX_KEY_BYTES = 1024;

/**
 * Refuses what is not a usable cache key: not a string, empty, too long, whitespace or control
 * characters, or a leading `}`. The last one is Redis Cluster's hash-tag rule: the value is stored
 * as `<ns>:{<key>}`, and `<ns>:{}...` has an empty tag, so the value and its generation would hash
 * to different slots and every invalidation of the key would fail with CROSSSLOT.
 */
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
  if (key.startsWith("}")) {
    throw new CacheError(
      "ORG_CACHE_KEY",
      `cache key ${JSON.stringify(key.slice(0, 80))} starts with "}": in Redis Cluster that empties the hash tag and splits the key from its generation (CROSSSLOT); put something before the "}"`,
    );
  }
  return key;
}

/** Validates one key or a list of keys (deduplicated, order kept). */
export function validateKeys(keyOrKeys: unknown): string[] {
  const list = typeof keyOrKeys === "string" ? [keyOrKeys] : keyOrKeys;
  if (!Array.isArray(list)) {
    throw new CacheError("ORG_CACHE_KEY", `invalidate takes a key or an array of keys (got ${describe(keyOrKeys)})`);
  }
  const keys = [...new Set(list as unknown[])];
  if (keys.length === 0) throw new CacheError("ORG_CACHE_KEY", "invalidate needs at least one key");
  return keys.map(validateKey);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? '""' : typeof value;
}

/**
 * Where everything lives in Redis (PROTOCOL.md, "Keys"). A value and its generation share the
 * hash tag `{<key>}`, so both land on one slot of a Redis Cluster and one script touches both.
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
  get dead(): string {
    return `${this.namespace}:dead`;
  }
  get attempts(): string {
    return `${this.namespace}:attempts`;
  }
  get swept(): string {
    return `${this.namespace}:swept`;
  }
  lease(name: string): string {
    return `${this.namespace}:relay:${name}`;
  }
}
