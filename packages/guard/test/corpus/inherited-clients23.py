import httplib2
from httplib2 import Http
from six.moves import http_client


class RestfulHttp(Http):
    # The object IS an httplib2 client: its None (httplib2's second argument) is the socket timeout of every request.
    def __init__(self, authorizer=None, cache=None, timeout=None, proxy_info=None):  # expect: no-unbounded-timeout
        super(RestfulHttp, self).__init__(cache, timeout, proxy_info)
        self.authorizer = authorizer


class KeywordHttp(httplib2.Http):
    def __init__(self, timeout=None):  # expect: no-unbounded-timeout
        super().__init__(timeout=timeout)


class UnixHTTPConnection(http_client.HTTPConnection):
    # six's name for http.client; the base's `__init__` called with the object first.
    def __init__(self, path, host="localhost", port=None, timeout=None):  # expect: no-unbounded-timeout
        http_client.HTTPConnection.__init__(self, host, port=port, timeout=timeout)
        self.path = path


class CacheFirst(Http):
    # Handed in httplib2's first place, the cache: no timeout at all.
    def __init__(self, timeout=None):
        super().__init__(timeout)


class NotAClient(dict):
    # A base that is no network client: its `timeout` is only a key.
    def __init__(self, timeout=None):
        super().__init__(timeout=timeout)


class ChosenLater(Http):
    # Replaced before the base sees it: the None is not what the client keeps.
    def __init__(self, timeout=None):
        if timeout is None:
            timeout = 30  # expect: no-hardcoded-timeout
        super().__init__(None, timeout)
