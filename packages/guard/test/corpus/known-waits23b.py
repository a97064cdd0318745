import multiprocessing

import rospy
from twisted.internet import defer, reactor, task


def set_camera_info(name):
    # ROS waits up to 5 s for the service to be advertised.
    rospy.wait_for_service(name, 5)  # expect: no-hardcoded-timeout
    rospy.wait_for_message("/scan", object, 2.0)  # expect: no-hardcoded-timeout


def ask(d):
    # The Deferred fails after 120 s on the reactor.
    d.addTimeout(2 * 60, reactor)  # expect: no-hardcoded-timeout
    return d


def ask_by_keyword(d):
    return d.addTimeout(10, clock=reactor)  # expect: no-hardcoded-timeout


def test_timeout_on_clock():
    # A test's clock moves only when the test advances it: nothing waits 10 s.
    clock = task.Clock()
    d = defer.Deferred()
    d.addTimeout(10, clock)
    clock.advance(10)


class Zones:
    def addTimeout(self, zone, rule, tag):
        return (zone, rule, tag)

    def add(self, zone):
        # Another class's `addTimeout`: no clock, no wait.
        self.addTimeout(zone, 30, "tag")


def compile_all(items):
    pool = multiprocessing.Pool(4)
    result = pool.map_async(str, items, chunksize=1)
    pool.close()
    while not result.ready():
        try:
            result.get(99999)  # expect: no-hardcoded-timeout
        except multiprocessing.TimeoutError:
            pass


def lookups(table, handed):
    # A dictionary's get and a result handed in: no pool's result.
    table.get(5)
    return handed.get(30)


def run_in_parallel(task, material, threads):
    # 31 years: the code's stand-in for "wait forever" that lets Ctrl-C through: a chosen no-limit.
    pool = multiprocessing.Pool(threads)
    return pool.map_async(task, material).get(1000000000)  # expect: no-unbounded-timeout
