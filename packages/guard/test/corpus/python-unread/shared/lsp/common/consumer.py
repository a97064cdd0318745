# spyder's language-server consumer (session 29, fresh60): its timeout constant's name is written in other modules too,
# but only as their own constants and as an attribute of pexpect; no module imports this one's or reads it through the
# module: it bounds nothing.
import os
from threading import Thread

TIMEOUT = 5000
PID = os.getpid()


class IncomingMessageThread(Thread):
    def __init__(self):
        Thread.__init__(self)
        self.stopped = False
