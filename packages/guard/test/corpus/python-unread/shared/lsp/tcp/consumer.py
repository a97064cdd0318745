# Imports the common consumer's class, not its constant; `pexpect.TIMEOUT` is another library's exception.
import pexpect

from lsp.common.consumer import IncomingMessageThread


class TcpIncomingMessageThread(IncomingMessageThread):
    def read(self, child):
        try:
            return child.expect("\r\n")
        except pexpect.TIMEOUT:
            return None
