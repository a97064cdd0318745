# Python `no-hardcoded-timeout`, session 48 (issue 9): variety's download thread waits on its event when there is
# nothing to do, clears it and goes round again whichever happened: the event only wakes the loop early, so the 180 s
# paces it. A wait whose outcome is looked at, or that is not cleared and looped over, stays a bounded wait.
import threading


class Downloader:
    def __init__(self):
        self.running = True
        self.dl_event = threading.Event()
        self.ready = threading.Event()

    def download_thread(self):
        while self.running:
            if not self.available():
                self.dl_event.wait(180)
                self.dl_event.clear()
                continue
            self.download_one()

    def wait_ready(self):
        while self.running:
            self.ready.wait(30)  # expect: no-hardcoded-timeout
            if self.ready.is_set():
                return True
        return False

    def start(self):
        self.ready.wait(5)  # expect: no-hardcoded-timeout
        self.ready.clear()
        self.download_one()

    def available(self):
        return True

    def download_one(self):
        self.ready.set()
