# Python `no-hardcoded-timeout`, session 54 (issue 9): a plain class named for the states, results or reasons it lists
# is a table of codes like one named for codes (sqlmap's `class TIMEOUT_STATE(object)`, whose `TIMEOUT = 2` is the
# state a timed call returns, not a duration). A settings class of the same shape stays judged.


class TIMEOUT_STATE(object):
    NORMAL = 0
    EXCEPTION = 1
    TIMEOUT = 2


class JobResults:
    DONE = "done"
    TIMED_OUT = "timed-out"
    WAIT_TIMEOUT = 4


class StateDefaults:
    POLL_TIMEOUT = 30  # expect: no-hardcoded-timeout
