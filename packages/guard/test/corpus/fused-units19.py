# A unit fused onto the timeout word in one word is the timeout's unit (mininet's `monitor(timeoutms=1000)`,
# bluez's `timeoutms`): issue 9, session 19 Python recall. `expect:` marks each line that must be flagged.
import select


def wait_output(node):
    while node.waiting:
        node.monitor(timeoutms=1000)  # expect: no-hardcoded-timeout


def discover(sock, names):
    poller = select.poll()
    poller.register(sock, select.POLLIN)
    timeoutms = 10000  # expect: no-hardcoded-timeout
    return poller.poll(timeoutms), names


def tally(results, timeouts=3):
    # A count of timeouts and a bound's minimum are not durations.
    return results.count(None) > timeouts


def session(store, session_timeoutms=3600000):
    return store.expire(session_timeoutms)
