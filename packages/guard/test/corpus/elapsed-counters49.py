# Python `no-hardcoded-timeout`, session 49 (issue 9): a timeout-named tally of the time slept so far. It starts at 0,
# grows by the sleep's step, and is only compared with the real bound or logged: ostree-push's `timeout += 0.5` beside
# `time.sleep(0.5)` under `while timeout < RESOURCE_TIMEOUT`, neutron-ha-tool's `timeout += 1` also shown in a log
# line. The bound it is compared with is the finding; a tally handed to a wait is still one.
import logging
import os
import socket
import time

LOG = logging.getLogger(__name__)
RESOURCE_TIMEOUT = 30  # expect: no-hardcoded-timeout
TAKEOVER_DELAY = 60


def wait_for_socket(path):
    timeout = 0
    while timeout < RESOURCE_TIMEOUT:
        if os.path.exists(path):
            break
        timeout += 0.5
        time.sleep(0.5)


def wait_for_takeover(agents_alive):
    timeout = 0
    while timeout < TAKEOVER_DELAY:
        if agents_alive():
            return 0
        LOG.info("Agent found offline for seconds=%d but waiting seconds=%d", timeout, TAKEOVER_DELAY)
        timeout += 1
        time.sleep(1)
    return 1


def connect_with_growing_timeout(address):
    timeout = 0
    while True:
        timeout += 2.5  # expect: no-hardcoded-timeout
        try:
            return socket.create_connection(address, timeout=timeout)
        except OSError:
            if timeout > 10:
                raise
