// A consumer group member's session timeout: `{ groupId, sessionTimeout: 30000, heartbeatInterval: 3000 }` (KafkaJS's
// and kafka-node's consumer options, no-kafka's GroupConsumer; librdkafka's `group.id` / `session.timeout.ms`). The
// broker drops a member whose heartbeats stop for that long (kafka.js.org/docs/consumer#options: "Timeout in
// milliseconds used to detect failures"): a liveness limit, a wait, not a login session's lifetime, which is how
// `names.ts` reads "session" before "timeout". The evidence is in the same object: a key naming the group, its
// heartbeat or its rebalance timeout.
import { type EsNode, propertyName } from "./ast.ts";

/** `sessionTimeout`, `sessionTimeoutMs`, `session_timeout`, `session.timeout.ms`. */
const SESSION = /^session[._]?timeout/i;
/** Keys of a consumer group's membership: the group, the heartbeat that keeps the session, the rebalance timeout. */
const MEMBERSHIP = /^(group[._]?id|heartbeat[._]?interval\w*|heartbeat\.interval\.ms|rebalance[._]?timeout\w*)$/i;

/** The session-timeout properties of an object literal or pattern that describes a consumer group member. */
export function groupSessions(node: EsNode): EsNode[] {
  const properties = (node.properties as EsNode[]).filter((p) => p.type === "Property");
  if (!properties.some((p) => MEMBERSHIP.test(propertyName(p) ?? ""))) return [];
  return properties.filter((p) => SESSION.test(propertyName(p) ?? ""));
}
