# Reads the consumer's constant through the module. Its own constant of that name is read by nothing, but a read of the
# name through a module may be of either: reported. One of a name no other module writes, read by nothing: not.
from lsp.common import consumer

TIMEOUT = 3000  # expect: no-hardcoded-timeout
CONNECT_TIMEOUT = 30


def wait_ready(sock):
    sock.settimeout(consumer.TIMEOUT / 1000)
    return sock.recv(1)
