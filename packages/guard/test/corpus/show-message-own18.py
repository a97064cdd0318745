# A file that defines its own `showMessage` may call that one, not Qt's (review18 item 4): the duration handed to it
# bounds an RPC, so the caller's fallback stays a hardcoded timeout.
from PyQt5 import QtWidgets


class Remote:
    def showMessage(self, text, timeout=30):  # expect: no-hardcoded-timeout
        return self.rpc.call("show", text, timeout=timeout)


def go(remote, cfg):
    timeout = cfg.get("RPC_TIMEOUT", 30)  # expect: no-hardcoded-timeout
    remote.showMessage("hi", timeout)
