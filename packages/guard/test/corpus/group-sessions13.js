// A consumer group member's session timeout (issue 9, session 13: kafka-node, @platformatic/kafka and @hazeljs/kafka
// in three sets): the broker drops a member whose heartbeats stop for that long, a liveness limit. The object says it
// is a group member's (its group, heartbeat or rebalance keys); a session timeout elsewhere is a login session's or
// a cookie's lifetime and stays unreported. `expect:` marks findings.

// KafkaJS's consumer factory: destructured option defaults, read by the body.
exports.createConsumer = ({ cluster, groupId, sessionTimeout = 30000, rebalanceTimeout = 60000, heartbeatInterval = 3000 }) => // expect: no-hardcoded-timeout, no-hardcoded-timeout
  cluster.joinGroup({ groupId, sessionTimeout, rebalanceTimeout, heartbeatInterval });

// kafka-node's ConsumerGroup defaults: the group's id beside the session timeout.
const DEFAULTS = {
  groupId: "kafka-node-group",
  sessionTimeout: 30000, // expect: no-hardcoded-timeout
  retries: 10,
};

// @platformatic/kafka's consumer defaults: the heartbeat that keeps the session alive.
const defaultConsumerOptions = {
  autocommit: true,
  sessionTimeout: 60_000, // expect: no-hardcoded-timeout
  heartbeatInterval: 3000,
};

// A framework's fallback when the caller sets none.
function consumerOptions(options) {
  return {
    groupId: options.groupId,
    sessionTimeout: options.sessionTimeout ?? 30000, // expect: no-hardcoded-timeout
  };
}

// librdkafka's dotted configuration keys.
const rdkafkaConfig = { "group.id": "e2e", "session.timeout.ms": 10000 }; // expect: no-hardcoded-timeout

// A web session and a cookie jar: lifetimes, nothing waits.
const web = { sessionTimeout: 1800, cookieName: "sid" };
const jar = { path: "/", sessionTimeout: 3600 };

module.exports = { DEFAULTS, defaultConsumerOptions, consumerOptions, rdkafkaConfig, web, jar };
