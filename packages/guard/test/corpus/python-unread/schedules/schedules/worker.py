import os
import signal


class Worker:
    def cleanup(self):
        os.kill(self.pid, signal.SIGKILL)
