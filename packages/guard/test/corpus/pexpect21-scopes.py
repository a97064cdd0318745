# A receiver's name reads the binding of its own function, else of the nearest scope around it that binds the name
# (an enclosing function, the module), as Python resolves it; a loop's target and a tuple's part are no session.
import pexpect

shell = pexpect.spawn("sh")
runner = make_runner()


def from_module():
    shell.expect("\\$ ", timeout=None)  # expect: no-unbounded-timeout
    runner.expect("x", timeout=None)


def from_enclosing(cmd):
    child = pexpect.spawn(cmd)

    def wait():
        child.expect("done", timeout=None)  # expect: no-unbounded-timeout

    return wait, lambda: child.expect("$ ", timeout=None)  # expect: no-unbounded-timeout


def shadowed(cmd):
    shell = make_runner()
    shell.expect("x", timeout=None)


def loops_and_tuples(sessions):
    for session in sessions:
        session.expect("x", timeout=None)
    status, proc = start()
    proc.expect("y", timeout=None)
    retried = pexpect.spawn("sh")
    retried += other_runner()
    retried.expect("z", timeout=None)  # expect: no-unbounded-timeout
