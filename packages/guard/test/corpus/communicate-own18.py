# `.communicate(input, n)` is Popen's timeout only on a process: a file's own `communicate` may take something else
# second (a retry count), and the method name alone does not say which object the call is on.
import subprocess


def go(cmd):
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE)
    out, err = p.communicate(None, 30)  # expect: no-hardcoded-timeout
    out, err = p.communicate(timeout=None)  # expect: no-unbounded-timeout
    return out


def drain(proc: subprocess.Popen):
    return proc.communicate(b"quit", 30)  # expect: no-hardcoded-timeout


class Chat:
    def communicate(self, msg, retries=3):
        return msg


# The file's own `communicate`: its second argument is a retry count, not a timeout.
def talk(chat):
    return chat.communicate("hello", 3)
