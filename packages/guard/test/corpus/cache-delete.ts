import { createClient } from "redis";
import Redis from "ioredis";

declare const redis: { del(k: string): Promise<number>; multi(): { del(k: string): unknown } };
declare const keyId: string, cache: { invalidate(k: string): Promise<unknown> }, map: Map<string, number>;

await redis.del(`api_key:${keyId}:status`); // expect: no-local-cache-delete
redis.multi().del("k"); // expect: no-local-cache-delete
const client = createClient();
await client.unlink("k"); // expect: no-local-cache-delete
await client.DEL("k"); // expect: no-local-cache-delete
const io = new Redis();
await io.del("a", "b"); // expect: no-local-cache-delete
class Store {
  constructor(private readonly redisClient: { del(k: string): void }) {}
  revoke(k: string) {
    this.redisClient.del(k); // expect: no-local-cache-delete
  }
}

await cache.invalidate(`api_key:${keyId}:status`);
map.delete("k");
const users = { del: (k: string) => k };
users.del("k");
export { Store };
