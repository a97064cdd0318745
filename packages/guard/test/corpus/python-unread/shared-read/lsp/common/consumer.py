# The same consumer, but another module reads `consumer.TIMEOUT` through the module object: reported.
import os
from threading import Thread

TIMEOUT = 5000  # expect: no-hardcoded-timeout
PID = os.getpid()


class IncomingMessageThread(Thread):
    def __init__(self):
        Thread.__init__(self)
        self.stopped = False
