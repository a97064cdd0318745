# Python `no-hardcoded-timeout`, session 52 (issue 9), from blind set fresh203 (tahoe-lafs): a function imported
# absolutely from the package that holds the file (`from allmydata.util.deferredutil import timeout_call` in
# allmydata's own modules) is the package's own, so the literal in its timeout's place is handed to that timeout.
# Another package's function of the same name is not read.
from otherlib import deferreds

from positional.helpers.deferreds import timeout_call


def ask(reactor, tracker):
    return timeout_call(reactor, tracker.query(), 15)  # expect: no-hardcoded-timeout


def ask_elsewhere(reactor, tracker):
    return deferreds.timeout_call(reactor, tracker.query(), 15)
