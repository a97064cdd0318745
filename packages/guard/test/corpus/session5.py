# Families found on fresh5 (now a tuning set) and the scout6py sample (issue 9). `expect:` marks each line
# that must be flagged; every other line must not be.
import subprocess
import sys
import textwrap
import threading
from unittest import mock
from subprocess import call as subprocess_call
from unittest.mock import MagicMock, call, patch

import httpx
import pytest
import requests
import responses

from app import Client, async_flags, get
from celery.utils import Option


# Timeouts given to fakes and mocks: the double records the call, nothing waits.
class FakeAsyncClient:
    def __init__(self, response=None):
        self.calls = []

    async def post(self, *args, **kwargs):
        self.calls.append(("post", args, kwargs))


async def test_flags_retry():
    client = FakeAsyncClient()
    await async_flags("key", "https://example.com", timeout=3, client=client)


def make_consumer():
    return Client("key", timeout=3, http_client=mock.Mock())


def test_mock_receiver():
    session = MagicMock()
    session.get("https://example.com", timeout=5)
    event = mock.Mock()
    event.wait(5)


# ...but a real wait beside a double still bounds something.
def test_real_wait_beside_a_double():
    client = FakeAsyncClient()
    worker = threading.Thread(target=client.calls.clear)
    worker.start()
    worker.join(timeout=5)  # expect: no-hardcoded-timeout


# A value the test asserts afterwards, on a mock or on the configured object: nothing waits on it.
@mock.patch("app.request._session.get")
def test_get_passes_timeout(mock_get):
    get("api_key", "/test-url", timeout=30)
    assert mock_get.call_args[1]["timeout"] == 30


def test_module_flush_forwards_timeout():
    with mock.patch.object(Client, "_proxy") as proxy:
        Client.flush(timeout_seconds=1.5)
    proxy.assert_called_once_with("flush", timeout_seconds=1.5)


# A patch of something else leaves the code under test waiting for real.
@mock.patch("app.client.batch_post")
def test_flush_waits_for_the_consumer(mock_post):
    client = Client("key")
    client.capture("event")
    client.flush(timeout_seconds=1)  # expect: no-hardcoded-timeout
    assert mock_post.called


@patch("app.requests.post")
def test_requests_is_patched(mock_post):
    requests.post("https://example.com", json={})
    requests.post("https://example.com", timeout=10)


# A patched test still waits for real where it calls a blocking API itself, and an unpatched HTTP
# layer still goes to the network.
@patch("app.notify")
def test_patched_elsewhere(mock_notify):
    done = threading.Event()
    threading.Thread(target=done.set).start()
    done.wait(2)  # expect: no-hardcoded-timeout
    requests.get("https://example.com")  # expect: no-unbounded-timeout


# A literal the test asserts afterwards checks a configuration, not a wait.
def test_user_defined_timeout():
    client = Client("key", timeout=10)
    for consumer in client.consumers:
        assert consumer.timeout == 10


def test_configured_and_used():
    client = Client("key", timeout=10)  # expect: no-hardcoded-timeout
    client.capture("event")
    assert client.sent == 1


# A parameter the body never reads bounds nothing; one it reads does.
def test_flush_is_recorded(monkeypatch):
    flushed = []

    def record_flush(self, timeout_seconds=10):
        flushed.append(True)

    monkeypatch.setattr("app.Client.flush", record_flush)


def drain(queue, timeout=10):  # expect: no-hardcoded-timeout
    return queue.get(True, timeout)


# httpx on an in-process transport applies no timeout; on a network one its 5 s default is real.
async def rpc(app):
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as http:
        await http.post("/mcp", json={})
    transport = httpx.WSGITransport(app=app)
    with httpx.Client(transport=transport) as local:
        local.get("/")
    with httpx.Client(base_url="https://example.com") as remote:
        remote.get("/")  # expect: no-hardcoded-timeout


# WinAPI return codes written in hex are codes, not durations.
WAIT_OBJECT_0 = 0x00000000
WAIT_TIMEOUT = 0x00000102
INFINITE_WAIT_TIMEOUT = 0xFFFFFFFF  # expect: no-unbounded-timeout


# A setting's default wrapped with its options.
broker_settings = dict(
    connection_timeout=Option(4, type="float"),  # expect: no-hardcoded-timeout
    proc_alive_timeout=Option(4.0, type="float"),  # expect: no-hardcoded-timeout
    soft_shutdown_timeout=Option(0.0, type="float"),
)


# Lifetimes named timeout: a cache entry's max-age, a session reaped when idle.
def shared_data(app, cache_timeout=60 * 60 * 12):
    return app, cache_timeout


DEFAULT_SESSION_IDLE_TIMEOUT = 30 * 60
HTTP2_SESSION_IDLE_TIMEOUT = 30  # expect: no-hardcoded-timeout



# A cache entry's lifetime is not a wait (Django's and Flask-Caching's `timeout=`).
def remember(cache, key, value):
    cache.set(key, value, timeout=300)
    return cache.get_or_set(key, value, timeout=60)


CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "TIMEOUT": 300}}
DATABASES = {"default": {"OPTIONS": {"timeout": 20}}}  # expect: no-hardcoded-timeout


# HTTP mocked with `responses`: the request never leaves the test.
@responses.activate
def test_mocked_http():
    responses.add(responses.GET, "https://example.com", json={})
    requests.get("https://example.com")


# Doubles made with a timeout, and expected calls.
def test_expected_calls(client):
    session = MagicMock(timeout=5)
    fake = FakeAsyncClient(timeout=5)
    client.fetch(session, fake)
    client.send.assert_has_calls([call("a", timeout=5)])
    expected = call("b", timeout=5)
    assert client.send.call_args == expected


def run(cmd):
    return subprocess_call(cmd, timeout=5)  # expect: no-hardcoded-timeout


# A `python -c` script runs: it is checked like the file around it, its findings placed in the string.
def test_subprocess_drains():
    script = textwrap.dedent(
        """
        import time
        deadline = time.monotonic() + 1  # expect: no-hardcoded-timeout
        client.flush(timeout_seconds=10)  # expect: no-hardcoded-timeout
        """
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=3)  # expect: no-hardcoded-timeout
    subprocess.run([sys.executable, "-c", "import time; time.sleep(1)"], check=True)


# A fixture that returns a double hands it to the tests that name it; one that returns a real client does not.
@pytest.fixture
def fake_session():
    session = MagicMock()
    yield session


@pytest.fixture
def live_client():
    return Client("key")


def test_fixture_double(fake_session, live_client):
    fake_session.get("https://example.com", timeout=5)
    live_client.get("https://example.com", timeout=5)  # expect: no-hardcoded-timeout


# Recorded HTTP replayed from a cassette never reaches the network.
@pytest.mark.vcr
def test_replayed():
    requests.get("https://example.com")


def test_replayed_in_block(vcr):
    with vcr.use_cassette("fixtures/get.yaml"):
        requests.get("https://example.com", timeout=10)


# A blocking API on a real receiver waits whatever it is handed; a mock's call assertion with a common small
# literal does not make an earlier wait a configuration check.
@patch("app.auth.Signer")
def test_signed_request(mock_signer):
    requests.get("https://example.com", auth=mock_signer, timeout=5)  # expect: no-hardcoded-timeout
    requests.get("https://example.com", auth=mock_signer)  # expect: no-unbounded-timeout
    client = Client("key")
    client.flush(timeout_seconds=1)  # expect: no-hardcoded-timeout
    mock_signer.sign.assert_called_once_with(1)
