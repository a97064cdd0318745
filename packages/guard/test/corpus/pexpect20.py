# In pexpect a session's timeout bounds each of its later expect calls, and None "blocks indefinitely"; so does an
# expect's own timeout=None. Its -1 means "the session's own timeout", not no limit.
import pexpect
from pexpect import popen_spawn, spawn


def scp(commandline):
    child = pexpect.spawn(commandline, timeout=None)  # expect: no-unbounded-timeout
    child.expect("password:", timeout=None)  # expect: no-unbounded-timeout
    child.expect_exact("$ ", timeout=-1)
    child.expect(pexpect.EOF)
    return child


def local(commandline, bound):
    child = spawn(commandline, timeout=bound)
    child.expect("done", timeout=bound)
    popen_spawn.PopenSpawn(commandline, timeout=None)  # expect: no-unbounded-timeout
    return pexpect.run(commandline, timeout=None)  # expect: no-unbounded-timeout
