# Python `no-hardcoded-timeout`, session 52 (issue 9), from blind set fresh210 (fail2ban): a class of the package called
# by its name runs the package's own method, so `Utils.wait_for(cond, 3)` after a relative import hands 3 to its
# `timeout` as `timeout=3` would. A class imported absolutely may be another library's, and its call is not read.
from waiters import Utils as Foreign

from .helpers.utils import Utils
from .helpers import utils


def stop(server):
    return Utils.wait_for(lambda: not server.active, 1)  # expect: no-hardcoded-timeout


def through_module(server):
    # Two names deep: not read.
    return utils.Utils.wait_for(lambda: not server.active, 2)


def foreign(server):
    return Foreign.wait_for(lambda: server.ready, 3)
