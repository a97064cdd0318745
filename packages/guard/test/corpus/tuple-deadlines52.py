# Python `no-hardcoded-timeout`, session 52 (issue 9), from blind set fresh227 (pagekite): a deadline assigned in its
# place of a pattern (`threads, deadline = [], time.time() + 5`) is a deadline as `deadline = time.time() + 5` is; the
# threads are joined against it. Another name in a pattern beside a clock reading is no deadline.
import threading
import time


def ping_all(servers, sping):
    threads, deadline = [], time.time() + 5  # expect: no-hardcoded-timeout
    for server in servers:
        threads.append(threading.Thread(target=sping, args=(server,)))
        threads[-1].daemon = True
        threads[-1].start()
    for t in threads:
        t.join(max(0.1, deadline - time.time()))


def report(servers):
    rows, stamp = [], time.time() + 5
    for server in servers:
        rows.append((server, stamp))
    return rows
