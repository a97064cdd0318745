// Redis clients and their delete commands (no-local-cache-delete).

export const DELETE_METHODS = new Set(["del", "unlink", "DEL", "UNLINK"]);

export const REDIS_FACTORIES = /(^|\.)(Redis|IORedis|Cluster|RedisCluster|createClient|createCluster)$/;
