# In pexpect a session's timeout bounds each of its later expect calls, and None "blocks indefinitely"; so does an
# expect's own timeout=None. Its -1 means "the session's own timeout", not no limit.
import pexpect
from pexpect import fdpexpect, popen_spawn, pxssh, spawn


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


class Shell:
    def __init__(self, commandline):
        self.child = pexpect.spawn(commandline)

    def prompt(self):
        self.child.expect("\\$ ", timeout=None)  # expect: no-unbounded-timeout
        pexpect.spawn("sh").expect("\\$ ", timeout=None)  # expect: no-unbounded-timeout

    def login(self, host, fd):
        session = pxssh.pxssh()
        session.login(host)
        session.expect("\\$ ", timeout=None)  # expect: no-unbounded-timeout
        with fdpexpect.fdspawn(fd) as port:
            port.expect_exact("OK", timeout=None)  # expect: no-unbounded-timeout
        # A session the file never binds (set by a base class): the file's import is the evidence.
        self.remote.expect("\\$ ", timeout=None)  # expect: no-unbounded-timeout


# An `expect` method of an object that is not a pexpect session (a test helper's runner, another expect-style
# library) bounds no pexpect wait, even in a file that imports pexpect.
def go(cmd, runner):
    child = pexpect.spawn(cmd, timeout=bound_of(cmd))
    child.expect("done", timeout=-1)
    runner.run(cmd, timeout=None)
    q = runner.expect("x", timeout=None)
    helper = make_runner(cmd)
    helper.expect("y", timeout=None)
    return q
