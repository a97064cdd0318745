"""Fixtures for the docs' Python guide snippets: a stand-in staging proxy, a database of API keys."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from typing import Any

import pytest

API_KEY = "test-key-1"


@pytest.fixture
def api_key() -> str:
    return API_KEY


@pytest.fixture
def staging_url() -> Iterator[str]:
    """A proxy that is busy on the first try (503) and answers the second, only with the right key."""
    calls: list[str] = []

    class Proxy(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            calls.append(self.path)
            authorised = self.headers.get("Authorization") == f"Bearer {API_KEY}"
            status = 503 if len(calls) == 1 else (200 if authorised and self.path == "/request" else 403)
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    assert calls == ["/request", "/request"], "the guide's test should have retried the busy proxy once"


@pytest.fixture
def db() -> Iterator[sqlite3.Connection]:
    """The service's database: an in-memory SQLite table of API keys."""
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE api_keys (id INTEGER PRIMARY KEY, status TEXT NOT NULL)")
    yield connection
    connection.close()


@pytest.fixture
def create_key(db: sqlite3.Connection, local_regions: Any) -> Callable[[], int]:
    """Creates an active key and caches its status in every cluster (as reads in every region would)."""

    def create() -> int:
        key_id = int(db.execute("INSERT INTO api_keys (status) VALUES ('active')").lastrowid or 0)
        local_regions.fill(f"api_key:{key_id}:status", "active")
        return key_id

    return create
