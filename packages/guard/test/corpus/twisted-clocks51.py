# Python `no-hardcoded-timeout`, session 51 (issue 9): a test that makes Twisted's fake `Clock()` and hands it in as
# the reactor advances it by hand: `d.addTimeout(5, reactor)` there waits on no real time.
from twisted.internet.defer import Deferred
from twisted.internet.task import Clock


def test_times_out():
    reactor = Clock()
    d = Deferred()
    d.addTimeout(5, reactor)
    reactor.advance(5)
    return d
