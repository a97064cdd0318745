# A call of a function this file defines stands for what that function returns (review21 item 3): a session handed
# out by a same-file factory is a pexpect session; a factory of this file that returns something else is not.
import pexpect


def make_runner():
    return pexpect.spawn("bash")


def make_named(cmd):
    child = pexpect.spawn(cmd)
    return child


def make_other():
    def inner():
        return pexpect.spawn("sh")

    return Recorder(inner)


runner = make_runner()
named = make_named("sh")
other = make_other()


def go():
    runner.expect("$", timeout=None)  # expect: no-unbounded-timeout
    named.expect("$", timeout=None)  # expect: no-unbounded-timeout
    other.expect("$", timeout=None)
    make_runner().expect("$", timeout=None)  # expect: no-unbounded-timeout
