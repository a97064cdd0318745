# Python `no-hardcoded-timeout`, session 51 (issue 9), from blind set fresh203 (tahoe-lafs): Twisted's
# `Deferred.addTimeout(timeout, clock)` on a reactor handed in (`self._reactor`, a `reactor` parameter, as production
# code takes it so that tests can pass a fake `Clock`) bounds the wait as it does on `twisted.internet.reactor`.


class StorageFarmBroker:
    def __init__(self, reactor):
        self._reactor = reactor

    def connect(self):
        connecting = self._pick_server_and_get_version()
        connecting = connecting.addTimeout(5, self._reactor).addCallbacks(self._got_version, self._failed)  # expect: no-hardcoded-timeout
        return connecting


def ping(d, reactor):
    return d.addTimeout(10, reactor)  # expect: no-hardcoded-timeout
