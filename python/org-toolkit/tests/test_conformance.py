"""The cache protocol conformance scenarios (conformance/*.json), run across implementations.

Each scenario runs with the issuer and the relayer bound to Python/Python, Python/TypeScript and
TypeScript/Python (packages/cache-client/test/conformance.test.ts runs TypeScript/TypeScript): so a
Python invalidation queued for APAC is delivered by a TypeScript relay after the heal, and the reverse.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis

from org_toolkit.cache import CacheError, Lease, RegionalCache, Relay
from org_toolkit.config import load_config
from support import PACKAGE, TESTS

SCENARIOS = sorted((PACKAGE / "conformance").glob("*.json"))
# issuer, relayer, reader: each implementation plays each role against the other.
BINDINGS = [("python", "python", "python"), ("python", "typescript", "python"), ("typescript", "python", "typescript")]
LOCAL_REGION = "us-east-1"
# Every cluster call is bounded by the staging bound (1 s): a partitioned cluster costs that much
# once per call, and a healthy one answers well within it even on a loaded machine.
OP_TIMEOUT_MS = load_config(env={"ORG_ENV": "staging"}).cache.op_timeout_ms
MAX_RELAY_ROUNDS = 10


class TypeScript:
    """@org/cache-client behind tests/node/cache_driver.mjs, one JSON line per command."""

    def __init__(self, node: str) -> None:
        self.process = subprocess.Popen(
            [node, str(TESTS / "node" / "cache_driver.mjs")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def call(self, command: dict[str, Any]) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, f"the TypeScript driver exited (code {self.process.poll()})"
        answer: dict[str, Any] = json.loads(line)
        return answer

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait()


@pytest.fixture(scope="module")
def typescript(node: str) -> Iterator[TypeScript]:
    driver = TypeScript(node)
    yield driver
    driver.close()


class Run:
    def __init__(self, local: Any, issuer: str, relayer: str, reader: str, typescript: TypeScript) -> None:
        self.local = local
        self.issuer = issuer
        self.relayer = relayer
        self.reader = reader
        self.leases: dict[str, dict[str, Any]] = {}
        self.ts = typescript
        self.config = local.config()
        self.regions = json.loads(local.org_regions)
        self.ids: dict[str, str] = {}

    def client(self, cluster_id: str) -> redis.Redis:
        bound = OP_TIMEOUT_MS * 4 / 1000
        return redis.Redis(port=self.local.port(cluster_id), socket_timeout=bound, socket_connect_timeout=bound)

    def clusters(self, spec: str | list[str] | dict[str, Any]) -> list[str]:
        if spec == "*":
            return list(self.local.cluster_ids)
        return list(spec)

    def each(self, table: dict[str, Any]) -> Iterator[tuple[str, Any]]:
        for cluster_id, value in table.items():
            for cid in self.clusters("*") if cluster_id == "*" else [cluster_id]:
                yield cid, value

    # -- roles ---------------------------------------------------------------------------------
    def invalidate(self, keys: list[str]) -> dict[str, Any]:
        if self.issuer == "typescript":
            return self.ts.call({"op": "invalidate", "regions": self.regions, "keys": keys, "opTimeoutMs": OP_TIMEOUT_MS})
        try:
            with RegionalCache(self.config, op_timeout_ms=OP_TIMEOUT_MS) as cache:
                return {"ok": cache.invalidate(keys).to_dict()}
        except CacheError as error:
            return {"error": {"code": error.code, "message": str(error)}}

    def relay_round(self) -> None:
        if self.relayer == "typescript":
            answer = self.ts.call({"op": "relay", "regions": self.regions, "rounds": 1, "opTimeoutMs": OP_TIMEOUT_MS})
            assert "ok" in answer, answer
            return
        relay = Relay(self.config, op_timeout_ms=OP_TIMEOUT_MS)
        try:
            relay.run_once()
        finally:
            relay.stop()

    def read(self, op: str, step: dict[str, Any]) -> dict[str, Any]:
        """The reader's answer to get / getOrSet / lease / set: {"ok": ...} or {"error": {code, message}}."""
        lease = self.leases.get(step["lease"]) if "lease" in step else None
        if self.reader == "typescript":
            command = {"op": op, "regions": self.regions, "opTimeoutMs": OP_TIMEOUT_MS, "localRegion": LOCAL_REGION}
            command.update({k: v for k, v in step.items() if k in ("key", "value", "failClosed", "freshnessMs")})
            return self.ts.call({**command, **({"lease": lease} if lease else {})})
        try:
            with RegionalCache(
                self.config, op_timeout_ms=OP_TIMEOUT_MS, local_region=LOCAL_REGION, freshness_ms=step.get("freshnessMs")
            ) as cache:
                if op == "get":
                    return {"ok": cache.get(step["key"], fail_closed=step.get("failClosed", False))}
                if op == "getOrSet":
                    return {"ok": cache.get_or_set(step["key"], lambda: step["value"])}
                if op == "lease":
                    taken = cache.lease(step["key"])
                    return {"ok": {"key": taken.key, "generations": taken.generations}}
                held = Lease(lease["key"], dict(lease["generations"])) if lease else None
                return {"ok": {"stored": cache.set(step["key"], step["value"], lease=held)}}
        except CacheError as error:
            return {"error": {"code": error.code, "message": str(error)}}

    def check_read(self, step: dict[str, Any]) -> None:
        answer = self.read(step["do"], step)
        if "expectError" in step:
            assert answer.get("error", {}).get("code") == step["expectError"], answer
            return
        assert "ok" in answer, answer
        if step["do"] == "lease":
            self.leases[step["name"]] = answer["ok"]
        elif step["do"] == "set":
            assert sorted(answer["ok"]["stored"]) == sorted(step["expect"]["stored"])
        else:
            assert answer["ok"] == step["expect"]

    @staticmethod
    def cluster_now(client: redis.Redis) -> int:
        """A cluster's own clock (TIME), in ms."""
        seconds, micros = client.time()
        return int(seconds) * 1000 + int(micros) // 1000

    def outboxes_empty(self) -> bool:
        return all(self.client(cid).xlen("org:cache:outbox") == 0 for cid in self.clusters("*"))

    # -- steps ---------------------------------------------------------------------------------
    def step(self, step: dict[str, Any]) -> None:
        do = step["do"]
        if do in ("partition", "heal", "kill", "restart"):
            getattr(self.local, do)(step["cluster"])
        elif do == "seed":
            for cid in self.clusters("*"):
                self.client(cid).set(f"org:cache:{{{step['key']}}}", json.dumps(step["value"]))
        elif do == "xadd":
            # With ageMs: an entry that looks that old by its holder's clock (as after a forward step).
            client = self.client(step["cluster"])
            stream_id = "*" if "ageMs" not in step else f"{self.cluster_now(client) - step['ageMs']}-0"
            client.xadd("org:cache:outbox", step["fields"], id=stream_id)
        elif do == "stamp":
            # Sweep stamps ahead of (offsetMs > 0) the cluster's clock: written before a backward step.
            for cid in self.clusters(step["clusters"]):
                client = self.client(cid)
                at = self.cluster_now(client) + step["offsetMs"]
                client.hset("org:cache:swept", mapping={s: at for s in self.clusters("*") if s != cid})
        elif do == "invalidate":
            self.check_invalidate(step)
        elif do == "relay":
            rounds = step.get("rounds")
            for _ in range(rounds or MAX_RELAY_ROUNDS):
                self.relay_round()
                if rounds is None and self.outboxes_empty():
                    break
        elif do in ("get", "getOrSet", "lease", "set"):
            self.check_read(step)
        elif do == "expect":
            self.check_state(step)
        else:
            raise AssertionError(f"unknown step {do!r}")

    def check_invalidate(self, step: dict[str, Any]) -> None:
        answer = self.invalidate(step["keys"])
        expect = dict(step.get("expect", {}))
        if "error" in expect:
            assert answer.get("error", {}).get("code") == expect["error"], answer
            return
        assert "ok" in answer, answer
        report = answer["ok"]
        if "name" in step:
            self.ids[step["name"]] = report["id"]
        assert set(report["delivered"]) | set(report["queued"]) == set(self.local.cluster_ids)
        assert {k: report[k] for k in expect} == expect

    def check_state(self, step: dict[str, Any]) -> None:
        def value(cid: str, key: str) -> Any:
            return self.client(cid).get(f"org:cache:{{{key}}}")

        if "invalidated" in step:
            assert {cid: value(cid, step["invalidated"]) for cid in self.clusters("*")} == dict.fromkeys(
                self.clusters("*")
            )
        if "invalidatedExcept" in step:
            spec = step["invalidatedExcept"]
            others = [c for c in self.clusters("*") if c not in spec["clusters"]]
            assert {cid: value(cid, spec["key"]) for cid in others} == dict.fromkeys(others)
        for cid, key in step.get("holds", {}).items():
            assert value(cid, key) is not None, f"{cid} should still hold {key}"
        for cid, key in step.get("absent", {}).items():
            assert value(cid, key) is None, f"{cid} should not hold {key}"
        if "applied" in step:
            invalidation = self.ids[step["applied"]["name"]]
            clusters = self.clusters(step["applied"]["clusters"])
            assert {c: self.client(c).get(f"org:cache:applied:{invalidation}") for c in clusters} == dict.fromkeys(
                clusters, b"1"
            )
        if "generation" in step:
            spec = step["generation"]
            for cid in self.clusters(spec["clusters"]):
                token = self.client(cid).get(f"org:cache:{{{spec['key']}}}:gen") or b""
                assert len(token) >= spec["minLength"], f"{cid}: generation token {token!r}"
        for name, stream in (("outbox", "org:cache:outbox"), ("dead", "org:cache:dead")):
            if name in step:
                actual = {cid: self.client(cid).xlen(stream) for cid, _ in self.each(step[name])}
                assert actual == dict(self.each(step[name])), f"{name} lengths"


@pytest.mark.parametrize(
    "issuer,relayer,reader", BINDINGS, ids=[f"{i}-issues-{r}-relays-{d}-reads" for i, r, d in BINDINGS]
)
@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_scenario(path: Path, issuer: str, relayer: str, reader: str, local_regions: Any, typescript: TypeScript) -> None:
    scenario = json.loads(path.read_text())
    assert scenario["protocol"] == 2
    run = Run(local_regions, issuer, relayer, reader, typescript)
    for index, step in enumerate(scenario["steps"]):
        try:
            run.step(step)
        except AssertionError as error:
            raise AssertionError(f"{path.name} step {index + 1} ({step['do']}): {error}") from None


def test_there_are_scenarios_for_the_seed_incident() -> None:
    names = [json.loads(p.read_text())["name"] for p in SCENARIOS]
    assert any("APAC partitioned" in name for name in names)
    assert len(SCENARIOS) >= 6


