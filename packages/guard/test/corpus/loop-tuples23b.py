import urllib.request


def open_url(url):
    opener = urllib.request.build_opener()
    # A 10 s probe, then the same open with no limit: the round kept waits forever on a silent server.
    for timeout in (10, None):  # expect: no-hardcoded-timeout, no-unbounded-timeout
        try:
            f_obj = opener.open(url, timeout=timeout)
        except OSError:
            continue
    return f_obj


def probe(event):
    # Only the literals: each round waits at most that long.
    for timeout in (0.5, 2):  # expect: no-hardcoded-timeout
        event.wait(timeout)


def labels(names):
    # No wait takes the loop's values.
    for value in (10, None):
        names.append(value)


def open_handed(opener, url):
    # An opener handed in: nothing says its `open` is urllib's, so its None is not read as "no limit", and a None among
    # the values makes them a table of cases, not the code's own bounds.
    for timeout in (5, None):
        opener.open(url, timeout=timeout)


def test_curl_config(config):
    # A test's table of settings handed to a configuration builder.
    for timeout in [None, 1, 30, 3600]:
        config(connect_timeout=timeout, timeout=timeout)

