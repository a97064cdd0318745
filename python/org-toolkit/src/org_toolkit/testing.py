"""Real ``redis-server`` processes as local regions, for tests (what the ``local_regions`` fixture starts).

>>> local = start_local_regions()            # six redis-server processes on free loopback ports
>>> local.partition("ap-southeast-1-a")      # SIGSTOP: keeps its sockets, answers nothing
>>> local.heal("ap-southeast-1-a")           # SIGCONT
>>> local.kill("eu-west-1-b"); local.restart("eu-west-1-b")
>>> local.stop()
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

from .config import Cluster, OrgConfig, Region, load_config

__all__ = ["DEFAULT_REGIONS", "LocalRegions", "RedisProcess", "require_redis_server", "start_local_regions"]

DEFAULT_REGIONS: tuple[tuple[str, str], ...] = (
    ("us-east-1", "US"),
    ("eu-west-1", "EU"),
    ("ap-southeast-1", "APAC"),
)


class RedisServerMissing(RuntimeError):
    """``redis-server`` is not installed (or REDIS_SERVER names nothing)."""

    code = "ORG_REDIS_SERVER_MISSING"


def require_redis_server() -> str:
    """The redis-server binary: ``REDIS_SERVER``, else the one on PATH."""
    named = os.environ.get("REDIS_SERVER")
    if named:
        if not os.access(named, os.X_OK):
            raise RedisServerMissing(f"REDIS_SERVER={named} is not an executable file; point it at redis-server")
        return named
    found = shutil.which("redis-server")
    if found is None:
        raise RedisServerMissing("redis-server is not installed: apt-get install redis-server (or set REDIS_SERVER)")
    return found


_handed_out: set[int] = set()


def _ephemeral_low() -> int:
    try:
        with open("/proc/sys/net/ipv4/ip_local_port_range", encoding="ascii") as range_file:
            return int(range_file.read().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768  # not Linux: below every common ephemeral range


def free_port() -> int:
    """A free loopback port for a server about to start, drawn at random below the ephemeral range.

    A port from the ephemeral range (what binding port 0 hands out) can be given to an outgoing
    connection as its local port before the server binds it ("Address already in use").
    """
    high = _ephemeral_low()
    for _ in range(1000):
        port = random.randrange(10000, high)
        if port in _handed_out:
            continue
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
        _handed_out.add(port)
        return port
    raise RuntimeError(f"no free loopback port between 10000 and {high} after 1000 tries: stop other servers")


@dataclass
class RedisProcess:
    """One redis-server on 127.0.0.1 without persistence, waited for until it accepts connections."""

    binary: str
    port: int
    ready_within_s: float
    dir: str = field(default_factory=lambda: tempfile.mkdtemp(prefix="org-redis-"))
    process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        args = [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        process = subprocess.Popen(
            [*args, "--dir", self.dir], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
        self.process = process
        ready = threading.Event()
        output: list[str] = []

        def watch() -> None:
            assert process.stdout is not None
            for line in iter(process.stdout.readline, b""):
                text = line.decode(errors="replace")
                if len(output) < 200:
                    output.append(text)
                if "Ready to accept connections" in text:
                    ready.set()
            ready.set()  # exited: start() reports it

        threading.Thread(target=watch, daemon=True).start()
        # A server's start is a connect: bounded by the environment's connect timeout, like any other.
        if not ready.wait(self.ready_within_s) or process.poll() is not None:
            self.kill()
            raise RuntimeError(
                f"redis-server on port {self.port} did not start within {self.ready_within_s:g} s:\n{''.join(output)}"
            )

    def pause(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)

    def kill(self) -> None:
        process = self.process
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGCONT)
        process.kill()
        process.wait()

    def stop(self) -> None:
        self.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


@dataclass
class LocalRegions:
    """Regions of real redis-server processes, with faults to inject."""

    regions: tuple[Region, ...]
    servers: dict[str, RedisProcess]

    @property
    def cluster_ids(self) -> list[str]:
        return list(self.servers)

    @property
    def org_regions(self) -> str:
        """The topology as ``ORG_REGIONS`` JSON, for a process in another language (a TypeScript relay)."""
        return json.dumps(
            [
                {"id": r.id, "geo": r.geo, "clusters": [{"id": c.id, "url": c.url, "mode": c.mode} for c in r.clusters]}
                for r in self.regions
            ]
        )

    def config(self, env: dict[str, str] | None = None) -> OrgConfig:
        """A config (ORG_ENV dev unless ``env`` says otherwise) whose topology is these regions."""
        return load_config(env={**(env or {"ORG_ENV": "dev"}), "ORG_REGIONS": self.org_regions})

    def fill(self, key: str, value: object, namespace: str = "org:cache") -> None:
        """Caches ``value`` (as JSON) under ``key`` in every running cluster, as reads in every region would."""
        import redis

        for server in self.servers.values():
            if server.process is None or server.process.poll() is not None:
                continue
            with redis.Redis(port=server.port, socket_timeout=server.ready_within_s) as client:
                client.set(f"{namespace}:{{{key}}}", json.dumps(value))

    def _server(self, cluster_id: str) -> RedisProcess:
        try:
            return self.servers[cluster_id]
        except KeyError:
            raise KeyError(f'no local cluster "{cluster_id}" (have: {", ".join(self.servers)})') from None

    def port(self, cluster_id: str) -> int:
        return self._server(cluster_id).port

    def partition(self, cluster_id: str) -> None:
        """SIGSTOP: the process keeps its sockets but answers nothing (a hang, not a refusal)."""
        self._server(cluster_id).pause()

    def heal(self, cluster_id: str) -> None:
        self._server(cluster_id).resume()

    def kill(self, cluster_id: str) -> None:
        """SIGKILL: connections are refused, and the data is gone, until ``restart``."""
        self._server(cluster_id).kill()

    def restart(self, cluster_id: str) -> None:
        self._server(cluster_id).start()

    def stop(self) -> None:
        for server in self.servers.values():
            server.stop()


def start_local_regions(
    regions: Iterable[tuple[str, str]] = DEFAULT_REGIONS,
    clusters_per_region: int = 2,
    *,
    redis_server: str | None = None,
    config: OrgConfig | None = None,
) -> LocalRegions:
    """Starts ``clusters_per_region`` redis-server processes per region on free loopback ports."""
    binary = redis_server or require_redis_server()
    bound = (config or load_config(env={"ORG_ENV": "dev"})).timeouts.connect * 5 / 1000
    servers: dict[str, RedisProcess] = {}
    built: list[Region] = []
    try:
        for region_id, geo in regions:
            clusters = []
            for i in range(clusters_per_region):
                cluster_id = f"{region_id}-{chr(97 + i)}"
                server = RedisProcess(binary, free_port(), bound)
                servers[cluster_id] = server
                server.start()
                url = f"redis://127.0.0.1:{server.port}"
                clusters.append(Cluster(id=cluster_id, url=url, _real_url=url))
            built.append(Region(id=region_id, geo=geo, clusters=tuple(clusters)))
    except BaseException:
        for server in servers.values():
            server.stop()
        raise
    return LocalRegions(regions=tuple(built), servers=servers)
