"""StagingSession against a real local HTTP server that delays, drops and fails."""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from org_toolkit.config import load_config
from org_toolkit.http import HttpError, StagingSession

# The documented test profile: a dev config whose TIMEOUT is short, every delay derived from it.
PROFILE = load_config(env={"ORG_ENV": "dev", "ORG_TIMEOUT_MS": "300"})


@dataclass
class Server:
    url: str
    hits: Counter[str] = field(default_factory=Counter)
    times: dict[str, list[float]] = field(default_factory=dict)
    release: threading.Event = field(default_factory=threading.Event)


@pytest.fixture
def server() -> Iterator[Server]:
    state = Server(url="")

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def _answer(self, status: int, body: bytes = b"ok", headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _route(self) -> None:
            path = self.path.split("?")[0]
            state.hits[path] += 1
            state.times.setdefault(path, []).append(time.monotonic())
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            n = state.hits[path]
            if path == "/ok":
                self._answer(200, f"auth={self.headers.get('Authorization')}".encode())
            elif path == "/fail-twice":
                self._answer(503 if n <= 2 else 200)
            elif path == "/always-503":
                self._answer(503)
            elif path == "/not-found":
                self._answer(404)
            elif path == "/retry-after":
                self._answer(429, headers={"Retry-After": "1"}) if n == 1 else self._answer(200)
            elif path == "/drop":
                # Accept the request, then close the connection without a byte of response.
                self.connection.shutdown(socket.SHUT_RDWR)
                self.close_connection = True
            elif path == "/hang":
                # Never answer (until teardown): every attempt must end by its own timeout.
                state.release.wait()
                self.close_connection = True

        do_GET = do_POST = do_PUT = _route

        def finish(self) -> None:
            try:
                super().finish()
            except OSError:
                pass

    class Quiet(ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request: object, client_address: object) -> None:
            pass

    httpd = Quiet(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield state
    state.release.set()
    httpd.shutdown()
    httpd.server_close()


def session(server: Server, **options: object) -> StagingSession:
    return StagingSession(base_url=server.url, config=PROFILE, backoff_base_ms=10, **options)  # type: ignore[arg-type]


def test_defaults_come_from_the_config_staging_when_org_env_is_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ORG_ENV", raising=False)
    assert StagingSession().timeout == (10.0, 30.0)
    monkeypatch.setenv("ORG_ENV", "prod")
    assert StagingSession().timeout == (10.0, 60.0)
    monkeypatch.setenv("ORG_ENV", "dev")
    assert StagingSession().timeout == (2.0, 5.0)


def test_a_request_gets_the_default_timeout_unless_it_passes_one(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[object] = []
    original = requests.adapters.HTTPAdapter.send

    def spy(self: requests.adapters.HTTPAdapter, request: requests.PreparedRequest, **kwargs: object) -> requests.Response:
        seen.append(kwargs.get("timeout"))
        return original(self, request, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(requests.adapters.HTTPAdapter, "send", spy)
    with session(server) as http:
        http.get("ok")
        http.get("ok", timeout=PROFILE.timeout_s * 2)
    assert seen == [(0.3, 0.3), 0.6]


def test_failures_are_retried_until_the_service_answers(server: Server) -> None:
    with session(server) as http:
        response = http.get("fail-twice")
    assert response.status_code == 200
    assert server.hits["/fail-twice"] == 3


def test_a_status_that_stays_bad_is_an_http_error_with_the_numbers(server: Server) -> None:
    with session(server) as http, pytest.raises(HttpError) as caught:
        http.get("always-503?token=s3cret")
    error = caught.value
    assert (error.code, error.status, error.attempts, server.hits["/always-503"]) == ("ORG_HTTP_STATUS", 503, 4, 4)
    assert str(error) == f"GET {server.url}/always-503?token=*** answered 503 (4 attempts, 300 ms per attempt, ORG_ENV=dev)."
    assert isinstance(error, requests.RequestException)


def test_a_service_that_never_answers_times_out_on_every_attempt(server: Server) -> None:
    with session(server) as http, pytest.raises(HttpError) as caught:
        http.get("hang")
    error = caught.value
    assert (error.code, error.attempts, server.hits["/hang"]) == ("ORG_HTTP_TIMEOUT", 4, 4)
    assert "timed out (4 attempts, 300 ms per attempt, ORG_ENV=dev). If the service is this slow" in str(error)


def test_a_dropped_connection_is_retried_for_get_and_reported_as_network(server: Server) -> None:
    with session(server) as http, pytest.raises(HttpError) as caught:
        http.get("drop")
    assert (caught.value.code, caught.value.attempts, server.hits["/drop"]) == ("ORG_HTTP_NETWORK", 4, 4)
    assert "failed before a response (RemoteDisconnected)" in str(caught.value)


def test_post_is_not_retried_after_the_request_was_sent(server: Server) -> None:
    with session(server) as http, pytest.raises(HttpError) as caught:
        http.post("drop", json={"revoke": "key-1"})
    assert (caught.value.attempts, server.hits["/drop"]) == (1, 1)


def test_retry_after_is_honoured(server: Server) -> None:
    # Retry-After is capped at backoff_max_ms (the read timeout by default); lift the cap above 1 s.
    with session(server, backoff_max_ms=PROFILE.TIMEOUT * 10) as http:
        assert http.get("retry-after").status_code == 200
    first, second = server.times["/retry-after"]
    assert second - first >= 1.0


def test_a_refused_connection_names_the_reason(server: Server) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with StagingSession(config=PROFILE, backoff_base_ms=0, retries=1) as http, pytest.raises(HttpError) as caught:
        http.get(f"http://127.0.0.1:{port}/x")
    assert caught.value.code == "ORG_HTTP_NETWORK"
    assert caught.value.attempts == 2
    assert "failed before a response (Connection refused) (2 attempts" in str(caught.value)


def test_other_statuses_are_returned_as_requests_does(server: Server) -> None:
    with session(server) as http:
        assert http.get("not-found").status_code == 404
    assert server.hits["/not-found"] == 1


def test_credentials_in_the_url_are_refused_without_echoing_them(server: Server) -> None:
    with session(server) as http, pytest.raises(ValueError) as caught:
        http.get(server.url.replace("http://", "http://user:hunter2@") + "/ok")
    assert "hunter2" not in str(caught.value)
    assert server.hits["/ok"] == 0


def test_bad_options_are_refused() -> None:
    with pytest.raises(ValueError, match="retries must be a whole number >= 0"):
        StagingSession(config=PROFILE, retries=-1)
