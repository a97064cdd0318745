from six.moves.urllib import request as urllib


def open_six(url):
    # six's name for urllib.request: the opener's None is "no limit" as well.
    opener = urllib.build_opener()
    return opener.open(url, timeout=None)  # expect: no-unbounded-timeout


def open_with_bound(url):
    opener = urllib.build_opener()
    return opener.open(url, None, 30)  # expect: no-hardcoded-timeout
