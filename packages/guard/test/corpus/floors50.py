# Python `no-hardcoded-timeout`, session 50 (issue 9), from blind set fresh185 (ceph's cephadm `wait_async`): a
# configured timeout raised to the number it was just compared with (`if timeout < 60: timeout = 60`) is a floor, a
# clamp of someone else's value, as `max(timeout, 60)` is. A cap (`if timeout > 300: timeout = 300`) and a default set
# under another test stay hardcoded bounds.
def wait_async(self, coro, timeout=None):
    if not timeout:
        timeout = self.default_command_timeout
        if timeout < 60:
            self.log.info("Found default timeout set to %s. Instead trying minimum of 60.", timeout)
            timeout = 60
    return self.event_loop.get_result(coro, timeout)


def capped(self, coro, timeout):
    if timeout > 300:
        timeout = 300  # expect: no-hardcoded-timeout
    return self.event_loop.get_result(coro, timeout)


def defaulted(self, coro, timeout=None):
    if timeout is None:
        timeout = 30  # expect: no-hardcoded-timeout
    return self.event_loop.get_result(coro, timeout)
