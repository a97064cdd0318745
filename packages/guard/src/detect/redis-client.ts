// How a Redis client is named, for the cache rule's receivers in both languages.
/** Names that say "a Redis client": `redis`, `redisClient`, `cluster`, `valkey`, `self.redis`. */
export function looksLikeRedisClient(name: string): boolean {
  return /redis|valkey|keydb|cluster/i.test(name);
}
