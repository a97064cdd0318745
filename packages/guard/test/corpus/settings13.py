import voluptuous
from oslo_config import cfg

from .utils import get_anymail_setting


# A setting looked up under a timeout's key with its default, whatever the helper is called (django-anymail): the
# default is the timeout of every request the backend makes.
class RequestsBackend:
    def __init__(self, **kwargs):
        self.timeout = get_anymail_setting("requests_timeout", kwargs=kwargs, default=30)  # expect: no-hardcoded-timeout
        self.retries = get_anymail_setting("requests_retries", kwargs=kwargs, default=3)

    def post(self, session, url):
        return session.post(url, timeout=self.timeout)


# Assigned to a timeout's name, the value after the key is the default too (nose2's config section).
class MultiProcess:
    def __init__(self):
        self.testRunTimeout = self.config.as_float("test-run-timeout", 60.0)  # expect: no-hardcoded-timeout
        self._procs = self.config.as_int("processes", 0)


# Options declared under a timeout's key (oslo.config, voluptuous, meson's keyword declarations).
OPTS = [
    cfg.IntOpt("client_socket_timeout", default=900, help="Timeout for client connections' socket operations."),  # expect: no-hardcoded-timeout
    # 0 turns the batching off here: not a duration.
    cfg.FloatOpt("producer_batch_timeout", default=0.0),
    cfg.IntOpt("max_retries", default=5),
]
SCHEMA = {voluptuous.Optional("timeout", default=30): int}  # expect: no-hardcoded-timeout
KWARGS = [KwargInfo("timeout", int, default=30)]  # expect: no-hardcoded-timeout

# Not a default: a packet field's value follows its name positionally, and nothing here assigns it to a timeout.
fields_desc = [LEShortField("timeout", 42)]
# A key that is not a timeout's (a session's lifetime) is not looked at.
SESSION = cfg.IntOpt("session_timeout", default=3600)
