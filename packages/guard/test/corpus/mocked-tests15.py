import unittest
import urllib.request
from unittest import mock

import httpx
import requests

from zvmsdk import smutclient


class SMUTClientTest(unittest.TestCase):
    # The collaborator that would wait is a mock, and the test checks what it was handed: test data.
    @mock.patch.object(smutclient.SMUTClient, "_request")
    def test_guest_stop_with_timeout(self, request):
        request.return_value = {"overallRC": 0}
        self._smutclient.guest_stop("FakeID", timeout=300)
        request.assert_called_once_with("PowerVM FakeID off --maxwait 300")

    def test_transfer_with_patch_context(self):
        with mock.patch("oslo_vmware.rw_handles.FileWriteHandle") as handle:
            # A local whose every read is an argument of a call that is not a wait: test data as well.
            timeout_secs = 10
            self.transfer.download(self.context, timeout_secs)
            self.assertEqual(1, handle.call_count)

    # A local, then a wait: the rule's own exception holds through the local.
    @mock.patch("app.notify")
    def test_fetch_local(self, notify):
        timeout = 10  # expect: no-hardcoded-timeout
        urllib.request.urlopen(URL, timeout=timeout)
        notify.assert_called_once()

    # A local read once as test data and once by a wait: every read must be test data.
    @mock.patch("app.notify")
    def test_local_also_waited(self, notify):
        timeout = 5  # expect: no-hardcoded-timeout
        self.client.configure(timeout)
        self.listener.poll(timeout=timeout)
        notify.assert_called_once()

    # A dict entry handed on with ** to a wait.
    @mock.patch("app.notify")
    def test_fetch_opts(self, notify):
        opts = {"timeout": 30}  # expect: no-hardcoded-timeout
        requests.get(URL, **opts)
        notify.assert_called_once()

    # A None handed the same way is test data for no-unbounded-timeout too (rule reference, no-unbounded-timeout).
    @mock.patch("app.notify")
    def test_client_without_limit(self, notify):
        client = httpx.Client(timeout=None)
        notify.assert_called_once()

    # The same client, no mock's call record read: the test may wait on it.
    def test_client_without_limit_unchecked(self):
        client = httpx.Client(timeout=None)  # expect: no-unbounded-timeout

    # A wait the test makes itself waits, whatever it patched.
    @mock.patch("kombu.message.Message.reject")
    def test_reply(self, reject_mock):
        received = self.listener.poll(timeout=1)  # expect: no-hardcoded-timeout
        reject_mock.assert_not_called()

    # Patched, but no mock's call record is read: the test may wait on what it runs.
    @mock.patch("time.sleep")
    def test_retry(self, sleep_mock):
        self.client.fetch("http://h", timeout=30)  # expect: no-hardcoded-timeout

    # A call record read without any patch: the collaborators are real.
    def test_recorded(self):
        self.client.fetch("http://h", timeout=30)  # expect: no-hardcoded-timeout
        self.assertEqual(1, self.recorder.call_count)


# Not a test function: a helper the tests share.
@mock.patch.object(smutclient.SMUTClient, "_request")
def stop_guest(request):
    smutclient.SMUTClient().guest_stop("FakeID", timeout=300)  # expect: no-hardcoded-timeout
    request.assert_called_once()
