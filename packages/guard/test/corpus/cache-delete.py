import redis
from redis import Redis

r = redis.Redis(host="localhost")
cache_conn = Redis.from_url(url)
client = redis.from_url(url)


def revoke_api_key(key_id):
    db.execute("UPDATE api_keys SET status='revoked' WHERE id=?", key_id)
    redis.delete(f"api_key:{key_id}:status")  # expect: no-local-cache-delete
    r.delete("k")  # expect: no-local-cache-delete
    r.unlink("a", "b")  # expect: no-local-cache-delete
    client.pipeline().delete("k")  # expect: no-local-cache-delete
    self.redis.delete("k")  # expect: no-local-cache-delete
    cache.invalidate(f"api_key:{key_id}:status")
    session.delete(url)
    os.unlink(path)
    items.delete("k")
