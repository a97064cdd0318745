// Redis clients (from imports and constructors), their local deletes, and their blocking commands.
import type { Node as TsNode } from "web-tree-sitter";
import { looksLikeRedisClient } from "../redis-client.ts";
import { localDeleteMessage } from "../../messages.ts";
import type { RawFinding } from "../types.ts";
import type { PyFacts } from "./facts.ts";

const REDIS_FACTORIES =
  /^(redis\.)?(asyncio\.)?(Redis|StrictRedis|RedisCluster|from_url)$|^redis\.(cluster\.)?RedisCluster$|^redis\.Redis\.from_url$/;

// `redis.Redis(...)`, `Redis.from_url(...)`, and `r.pipeline()` on a tracked client.
export function makesRedisClient(facts: PyFacts, call: TsNode): boolean {
  const callee = call.childForFieldName("function");
  if (!callee) return false;
  if (REDIS_FACTORIES.test(facts.resolve(callee.text))) return true;
  const object = callee.type === "attribute" ? callee.childForFieldName("object")?.text : undefined;
  const method = callee.type === "attribute" ? callee.childForFieldName("attribute")?.text : undefined;
  return object !== undefined && (method === "pipeline" || method === "client") && facts.redisClients.has(object);
}

// `redis.delete(k)`, `r.unlink(k)` with `r = redis.Redis(...)`, `pipe.delete(k)` with `pipe = r.pipeline()`.
export function cacheDeleteFinding(facts: PyFacts, node: TsNode, callee: TsNode): RawFinding | undefined {
  if (callee.type !== "attribute") return undefined;
  const method = callee.childForFieldName("attribute")?.text;
  if (method !== "delete" && method !== "unlink") return undefined;
  let object = callee.childForFieldName("object");
  while (object?.type === "call") object = object.childForFieldName("function")?.childForFieldName("object") ?? null;
  if (!object) return undefined;
  const text = object.text.replace(/\s+/g, "");
  const last = text.slice(text.lastIndexOf(".") + 1);
  if (!looksLikeRedisClient(last) && !facts.redisClients.has(text)) return undefined;
  return {
    ruleId: "no-local-cache-delete",
    start: node.startIndex,
    end: node.endIndex,
    message: localDeleteMessage(callee.text.replace(/\s+/g, "")),
  };
}
