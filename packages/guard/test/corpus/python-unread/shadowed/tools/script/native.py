# `tools.native` is no module the pass was given (a compiled extension): the import cannot be traced to a file, so
# every module's constant of that name counts as read.
from tools.native import NATIVE_TIMEOUT


def connect(sock, address):
    sock.settimeout(NATIVE_TIMEOUT)
    sock.connect(address)
