# A relative import of the same kind: `..release.state` is a module of this package, so its constant is read.
from ..release.state import STATE_TIMEOUT


def wait_for(event):
    return event.wait(STATE_TIMEOUT)
