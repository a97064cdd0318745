# Values a test hands only to doubles, expected calls and assertions (session 16, guard-pydoubles): test data.
import socket
import threading
import unittest
from unittest import mock

from memclient import Client
from containers import ContainerManager
from ioutils import IOUtils

import fakes

# A test module's constant read only by calls on a manager built on a fake API.
container_timeout = 10


class MockSocketModule:
    def socket(self, family, kind):
        return mock.Mock()


def test_socket_connect():
    # Handed to a client built with a double's socket module, then compared with what the double recorded.
    timeout = 2
    client = Client(("127.0.0.1", 11211), timeout=timeout, socket_module=MockSocketModule())
    client._connect()
    assert client.sock.timeouts == [timeout]


def test_client_setting_compared():
    # Handed to a client on a double's transport, then compared with the client's own attribute of that name.
    socket_timeout = 7
    client = Client(("127.0.0.1", 11211), socket_timeout=socket_timeout, transport=mock.Mock())
    assert client.socket_timeout == socket_timeout


def test_real_server_join():
    # Read by a real thread's join: a wait, reported.
    join_timeout = 5  # expect: no-hardcoded-timeout
    worker = threading.Thread(target=print)
    worker.start()
    worker.join(join_timeout)
    assert mock.Mock().called is False


def test_double_and_real_wait():
    # Handed to a double, but also to a real socket: reported.
    connect_timeout = 3  # expect: no-hardcoded-timeout
    fake = fakes.FakeConnection(connect_timeout=connect_timeout)
    sock = socket.create_connection(("localhost", 80), connect_timeout)
    assert fake.connect_timeout == connect_timeout


def test_handed_to_code_under_test_and_compared_only():
    # Handed to the code under test and compared with a setting, never found in a mock's record: reported.
    read_timeout = 4  # expect: no-hardcoded-timeout
    utils = IOUtils()
    utils.configure(read_timeout=read_timeout)
    assert utils.read_timeout == read_timeout
    assert mock.Mock().called is False


class ContainerManagerTest(unittest.TestCase):
    def setUp(self):
        self.api = fakes.FakeAPI({})
        self.mgr = ContainerManager(self.api)
        # Read only in expected calls built with unittest.mock's `call`.
        self.timeout = 60

    def test_stop(self):
        self.mgr.stop("uuid", container_timeout)

    def test_expected_calls(self):
        self.mgr.execute("task")
        expected = [mock.call.Request("task", timeout=self.timeout, result=mock.ANY)]
        self.api.assert_has_calls(expected)


class IOUtilsTest(unittest.TestCase):
    def setUp(self):
        self._ioutils = IOUtils()
        self._mock_run = mock.Mock()
        self._ioutils._run = self._mock_run

    def test_wait_named_pipe(self):
        # Handed to the code under test, which hands it on to the mocked runner: found in its call record.
        fake_timeout_s = 10
        self._ioutils.wait_named_pipe(mock.sentinel.pipe_name, timeout=fake_timeout_s)
        self._mock_run.assert_called_once_with(mock.sentinel.pipe_name, fake_timeout_s * 1000)

    def test_wait_for_real(self):
        # Read by a wait's method on the code under test: reported, whatever the record says.
        wait_timeout = 10  # expect: no-hardcoded-timeout
        self._ioutils.wait(timeout=wait_timeout)
        self._mock_run.assert_called_once_with(wait_timeout)


class LiveClientTest(unittest.TestCase):
    # review16 items 3 and 4: doubles beside a real call are no evidence that the wait is a double's.
    def test_fetch_real_server(self):
        # Handed to a real client beside a mocked logger: the client talks to a real server. Reported.
        timeout = 30  # expect: no-hardcoded-timeout
        client = Client("http://localhost:8080", timeout=timeout, logger=mock.MagicMock())
        self.assertEqual(client.get("/health").status_code, 200)

    def test_fetch_emits_event(self):
        # Handed to a real fetch and found in the record of a listener the fetch is not handed: reported.
        listener = mock.Mock()
        fakes.subscribe(listener)
        read_timeout = 25  # expect: no-hardcoded-timeout
        Client("http://localhost:8080").fetch("/health", timeout=read_timeout)
        listener.assert_called_once_with("fetched", read_timeout)

    def test_fetch_hands_listener(self):
        # Handed to a call that is also handed the mock whose record holds it: test data.
        listener = mock.Mock()
        notify_timeout = 25
        Client("http://localhost:8080").notify("/health", listener, timeout=notify_timeout)
        listener.assert_called_once_with("notified", notify_timeout)


class IOUtilsRunTest(unittest.TestCase):
    def setUp(self):
        self._ioutils = IOUtils()
        self._mock_run = self._ioutils._win32_utils.run_and_check_output

    def test_wait_named_pipe(self):
        # The mocked runner is taken from the object the call is made on: its record holds what the call handed on.
        fake_timeout_s = 10
        self._ioutils.wait_named_pipe(mock.sentinel.pipe_name, timeout=fake_timeout_s)
        self._mock_run.assert_called_once_with(mock.sentinel.pipe_name, fake_timeout_s * 1000)
