def timeout_call(reactor, d, timeout):
    """Fail `d` with a TimeoutError unless it fires within `timeout` seconds."""
    timer = reactor.callLater(timeout, d.cancel)
    d.addBoth(lambda result: timer.cancel() or result)
    return d
