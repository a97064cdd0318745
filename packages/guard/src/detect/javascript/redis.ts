// no-local-cache-delete: a Redis delete that removes a key from one node's view only.
import { looksLikeRedisClient } from "../redis-client.ts";
import { localDeleteMessage } from "../../messages.ts";
import type { RawFinding } from "../types.ts";
import { calleePath, chainRoot, type EsNode, memberName, span, unwrap, unwrapAwait } from "./ast.ts";
import type { FileFacts } from "./facts.ts";

const DELETE_METHODS = new Set(["del", "unlink", "DEL", "UNLINK"]);

export const REDIS_FACTORIES = /(^|\.)(Redis|IORedis|Cluster|RedisCluster|createClient|createCluster)$/;

/** `redis.del(k)`, `client.unlink(k)` on a client from `createClient()`, `redis.multi().del(k)`. */
export function cacheDeleteFinding(node: EsNode, facts: FileFacts): RawFinding | undefined {
  const callee = unwrap(node.callee as EsNode);
  if (callee.type !== "MemberExpression") return undefined;
  const method = memberName(callee);
  if (method === undefined || !DELETE_METHODS.has(method)) return undefined;
  const root = chainRoot(callee.object as EsNode);
  if (root === undefined || !(looksLikeRedisClient(root) || facts.redisClients.has(root))) return undefined;
  const [start, end] = span(node);
  return { ruleId: "no-local-cache-delete", start, end, message: localDeleteMessage(facts.text(callee)) };
}

/** `const client = createClient()`, `const pipe = redis.pipeline()`: the variable holds a Redis client (or its pipeline). */
export function trackRedisClient(clients: Set<string>, name: string, initialiser: EsNode): void {
  const init = unwrapAwait(initialiser);
  const factory =
    init.type === "NewExpression" || init.type === "CallExpression" ? calleePath(init.callee as EsNode) : undefined;
  if (factory && REDIS_FACTORIES.test(factory)) clients.add(name);
  // `const pipe = redis.pipeline()`: a pipeline or transaction of a Redis client is one too.
  const callee = init.type === "CallExpression" ? unwrap(init.callee as EsNode) : undefined;
  if (callee?.type === "MemberExpression" && /^(pipeline|multi)$/.test(memberName(callee) ?? "")) {
    const receiver = chainRoot(callee.object as EsNode);
    if (receiver && (looksLikeRedisClient(receiver) || clients.has(receiver))) clients.add(name);
  }
}
