import asyncio
import socket
import time
import unittest
from unittest import mock

import requests

from nose2.plugins.mp import MultiProcess
from stacks import utils


# unittest's comparing assertions: the literals are compared, nothing waits.
class SentinelTest(unittest.TestCase):
    def test_sentinel_kwargs(self):
        kwargs = make_sentinel().call_args[1]
        self.assertDictEqual(kwargs, {"socket_connect_timeout": 0.3, "socket_timeout": 0.2})
        self.assertCountEqual(list(kwargs), ["socket_connect_timeout", "socket_timeout"])
        self.assertAlmostEqual(kwargs["socket_timeout"], 0.2)

    # A blocking call inside the assertion waits before anything is compared.
    def test_get_in_assertion(self):
        self.assertDictEqual(q.get(timeout=5), {"a": 1})  # expect: no-hardcoded-timeout

    # `assertTrue` runs what it is given: the wait is real.
    def test_waits_in_assert_true(self):
        self.assertTrue(wait_for_status(server, timeout=30))  # expect: no-hardcoded-timeout


# A test's expected value: built of literals, assigned to a local, then only compared whole.
class SpecTest(unittest.TestCase):
    @mock.patch.object(utils, "get_template")
    def test_process_stack_spec(self, mock_get_temp):
        new_spec = utils.process_stack_spec({"timeout": 60})  # expect: no-hardcoded-timeout
        stack_spec = {
            "parameters": {},
            "timeout": 60,
            "files": {"key": "value"},
        }
        self.assertEqual(stack_spec, new_spec)

    def test_request_kwargs(self):
        expected = dict(url="http://h", timeout=10)
        client.fetch("http://h")
        client.session.request.assert_called_once_with(**expected)

    def test_compared_in_assert(self):
        expected = {"timeout": 5}
        assert client.options() == expected

    # The same dict handed on to the call under test: it reaches the request.
    def test_options_handed_on(self):
        options = {"timeout": 60}  # expect: no-hardcoded-timeout
        result = client.fetch("http://h", **options)
        self.assertEqual(options, result.options)

    # Built by a call that may wait: the result is what it waited for.
    def test_fetched_result(self):
        result = requests.get("http://h", timeout=5)  # expect: no-hardcoded-timeout
        self.assertEqual(result, {"ok": True})


# A helper outside a test: its dict is a real configuration.
def build_spec():
    spec = {"timeout": 60}  # expect: no-hardcoded-timeout
    assert spec == load_spec()
    return spec


# Durations only ever slept for: delays between attempts, however they are named.
class FilmonAPI:
    TIMEOUT = 0.75

    def _request(self, url):
        for attempt in range(3):
            try:
                return self.session.get(url)
            except OSError:
                time.sleep(self.TIMEOUT)


class Injector:
    regrab_timeout = 0.2

    async def grab(self, device):
        while not device.grab():
            await asyncio.sleep(self.regrab_timeout)


def long_running_job(timeout=10):
    time.sleep(timeout)
    return "done"


# A function that sleeps while something else works (a browser collecting answers) waits for that work: reported.
def find(zc, timeout=5):  # expect: no-hardcoded-timeout
    browser = ServiceBrowser(zc)
    time.sleep(timeout)
    browser.cancel()
    return browser.found


# A one-shot timer that gives up when the answer has not come by then: a deadline, reported.
class Renderer:
    CPR_TIMEOUT = 2  # expect: no-hardcoded-timeout

    def request_position(self):
        async def timer():
            await asyncio.sleep(self.CPR_TIMEOUT)
            if self.cpr_support is None:
                self.cpr_support = False

        return timer()


# The same attribute also handed to a socket: it bounds that wait.
class Connector:
    TIMEOUT = 5  # expect: no-hardcoded-timeout

    def connect(self, host):
        time.sleep(self.TIMEOUT)
        return socket.create_connection((host, 80), timeout=self.TIMEOUT)


# A multiple of the duration slept for is not looked into: the constant stays reported.
RETRY_TIMEOUT = 2  # expect: no-hardcoded-timeout


def retry(call):
    time.sleep(RETRY_TIMEOUT * 2)
    return call()


# Another object's setting slept for here is read by that object's own module too, where it may bound waits.
class PluginTest(unittest.TestCase):
    def setUp(self):
        self.plugin = MultiProcess()
        self.plugin.testRunTimeout = 2  # expect: no-hardcoded-timeout

    def test_slow(self):
        time.sleep(self.plugin.testRunTimeout)
