import socket
import threading
import unittest
from unittest import mock


class ClientTest(unittest.TestCase):
    # A test sets the client's timeout and asserts it back (on the socket double and on the client): a configuration
    # check, nothing waits on the 1.
    def test_set_timeout_on_client(self):
        self.client.timeout = 1
        self.client._sock.settimeout.assert_called_with(1)
        self.assertEqual(self.client.timeout, 1)

    # The same setting with no assertion of it afterwards: the client waits on it.
    def test_timeout_used(self):
        self.client.timeout = 3  # expect: no-hardcoded-timeout
        self.client.fetch()

    # An assertion of another literal does not tie the setting to a check.
    def test_timeout_then_other_assertion(self):
        self.client.timeout = 7  # expect: no-hardcoded-timeout
        self.client.fetch()
        self.assertEqual(self.client.retries, 2)

    # A local is not covered: it may reach a wait before the assertion.
    def test_local_waits_first(self):
        timeout = 5  # expect: no-hardcoded-timeout
        done = threading.Event()
        done.wait(timeout)
        self.assertEqual(timeout, 5)
