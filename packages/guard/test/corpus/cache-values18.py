# A cache write's key and value are data the cache keeps, not the entry's lifetime (review18 item 3): a timeout
# stored as the value, read back and handed to a request, is a request's timeout.
import requests


class Svc:
    REQUEST_TIMEOUT = 30  # expect: no-hardcoded-timeout

    def configure(self, cfg):
        timeout = cfg.get("REQ_TIMEOUT", 30)  # expect: no-hardcoded-timeout
        self.cache.set("req_timeout", timeout)

    def remember(self):
        self.settings_cache.set("request_timeout", self.REQUEST_TIMEOUT)

    def call(self, url):
        return requests.get(url, timeout=self.cache.get("req_timeout"))

    def fetch(self, url):
        return requests.get(url, timeout=self.settings_cache.get("request_timeout"))


class CachedFileBackend:
    # The lifetime slot itself: `set(key, value, timeout)`, `set_many(mapping, timeout)`.
    existence_check_timeout = 5
    batch_timeout = 60

    def set_state(self, key, state):
        self.cache.set(key, state, self.existence_check_timeout)

    def set_states(self, states):
        self.cache.set_many(states, self.batch_timeout)
