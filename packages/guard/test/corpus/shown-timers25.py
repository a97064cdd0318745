# A threading.Timer (or asyncio call_later) whose callback only sets what is shown (session 25): a message box hidden
# after a while. Its delay is how long the message shows. A callback that sets a future's result, kills, or writes a
# state saying it timed out stays a deadline. `expect:` marks each line that must be flagged.
from threading import Timer

MSG_TIMEOUT = 3
RESULT_TIMEOUT = 3  # expect: no-hardcoded-timeout
KILL_TIMEOUT = 3  # expect: no-hardcoded-timeout
STATE_TIMEOUT = 3  # expect: no-hardcoded-timeout


class Figure:
    def show(self, txt):
        self.box.set_text(txt)
        self.box.set_visible(True)
        self.timer = Timer(MSG_TIMEOUT, self._clear_box)
        self.timer.start()

    def _clear_box(self):
        self.box.set_visible(False)

    def settle(self, fut):
        Timer(RESULT_TIMEOUT, lambda: fut.set_result(False)).start()

    def guard(self):
        Timer(KILL_TIMEOUT, self._expire).start()

    def _expire(self):
        self.box.set_visible(False)
        self.proc.kill()

    def watch(self):
        Timer(STATE_TIMEOUT, lambda: self.job.set_state("timed out")).start()
