# `Popen.communicate(input, timeout)` waits for the child like `wait`: None (spelled or kept) waits without a limit.
import subprocess


def shutdown(proc: subprocess.Popen):
    proc.communicate(b"quit", timeout=None)  # expect: no-unbounded-timeout


def drain(proc: subprocess.Popen):
    return proc.communicate(None, None)  # expect: no-unbounded-timeout


# The caller's value: the function is the wait, its own None default is the caller's choice.
def collect(proc: subprocess.Popen, timeout=None):
    return proc.communicate(timeout=timeout)


# An object that keeps its constructor's None for the communicate it makes later: its own "no limit".
class CheckProcess:
    def __init__(self, command, timeout=None):  # expect: no-unbounded-timeout
        self.command = command
        self.timeout = timeout

    def commit(self):
        process = subprocess.Popen(self.command, stdout=subprocess.PIPE)
        return process.communicate(timeout=self.timeout)


# A bound the caller gets from configuration: nothing to report.
def bounded(proc: subprocess.Popen, config):
    return proc.communicate(timeout=config.timeout_s)
