# review21 item 2: a default of a name bound only to None puts back "no limit": the call still waits forever.
import socket
from urllib.request import urlopen

TIMEOUT = None
socket.setdefaulttimeout(TIMEOUT)


def fetch(url):
    return urlopen(url).read()  # expect: no-unbounded-timeout
