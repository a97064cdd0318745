"""Validation of the layered settings, mirroring @org/config's zod schema issue for issue.

Limits, patterns and enums come from the generated JSON Schema; the messages mirror
packages/config/src/schema.ts, and the conformance cases (conformance/config/cases.json) hold both to the same answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ._spec import spec

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    path: Path
    message: str
    code: str
    input: Any = None

    @property
    def aborts(self) -> bool:
        # zod runs an object's refinements only when nothing under it failed its type.
        return self.code in ("invalid_type", "invalid_value")


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "undefined"


_MISSING = object()


def _type_error(path: Path, expected: str, value: Any, message: str | None = None) -> Problem:
    received = "undefined" if value is _MISSING else _kind(value)
    return Problem(path, message or f"Invalid input: expected {expected}, received {received}", "invalid_type")


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _props(schema: dict[str, Any], *names: str) -> dict[str, Any]:
    node = schema
    for name in names:
        node = node["items"] if name == "[]" else node["properties"][name]
    return node


class _Validator:
    def __init__(self) -> None:
        s = spec()
        self.schema: dict[str, Any] = s["schema"]
        self.environments: list[str] = s["environments"]
        self.max_timeout: int = s["maxTimeoutMs"]
        self.max_ttl: int = _props(self.schema, "cache", "maxTtlMs")["maximum"]
        region = _props(self.schema, "regions", "[]")
        cluster = _props(region, "clusters", "[]")
        self.region_id = re.compile(region["properties"]["id"]["pattern"])
        self.cluster_id = re.compile(cluster["properties"]["id"]["pattern"])
        self.modes: list[str] = cluster["properties"]["mode"]["enum"]
        self.min_regions: int = _props(self.schema, "regions")["minItems"]
        self.min_clusters: int = region["properties"]["clusters"]["minItems"]

    # -- leaves ---------------------------------------------------------------------------
    def duration(self, path: Path, value: Any, out: list[Problem], factor: int = 1) -> bool:
        whole = "must be a whole number of milliseconds (for example 30000)"
        most = self.max_timeout * factor
        if not _is_number(value):
            out.append(_type_error(path, "number", value, whole))
            return False
        ok = True
        if value != int(value):
            out.append(Problem(path, whole, "invalid_type"))
            return False
        if value <= 0:
            out.append(Problem(path, 'must be a positive number of milliseconds; 0 would mean "wait never"', "too_small"))
            ok = False
        if value > most:
            out.append(Problem(path, f"must be at most {most} ms ({most // 60000} minutes)", "too_big"))
            ok = False
        return ok

    def max_ttl_ms(self, path: Path, value: Any, out: list[Problem]) -> None:
        whole = "must be a whole number of milliseconds"
        if not _is_number(value) or value != int(value):
            out.append(_type_error(path, "number", value, whole))
            return
        if value <= 0:
            out.append(Problem(path, "must be positive: entries without a TTL can stay stale forever", "too_small"))
        if value > self.max_ttl:
            out.append(Problem(path, "must be at most 7 days", "too_big"))

    def string(self, path: Path, value: Any, out: list[Problem], type_message: str | None = None) -> bool:
        if not isinstance(value, str):
            out.append(_type_error(path, "string", value, type_message))
            return False
        return True

    def unknown_keys(self, path: Path, value: dict[str, Any], known: tuple[str, ...], out: list[Problem]) -> None:
        extra = [key for key in value if key not in known]
        if extra:
            quoted = ", ".join(f'"{key}"' for key in extra)
            noun = "key" if len(extra) == 1 else "keys"
            out.append(Problem(path, f"Unrecognized {noun}: {quoted}", "unrecognized_keys"))

    def object(self, path: Path, value: Any, out: list[Problem]) -> bool:
        if not isinstance(value, dict):
            out.append(_type_error(path, "object", value))
            return False
        return True

    # -- topology -------------------------------------------------------------------------
    def cluster(self, path: Path, value: Any, out: list[Problem]) -> None:
        if not self.object(path, value, out):
            return
        cid = value.get("id", _MISSING)
        if self.string((*path, "id"), cid, out) and not self.cluster_id.match(cid):
            out.append(
                Problem(
                    (*path, "id"),
                    "must be lowercase letters, digits and dashes (for example us-east-1-a)",
                    "invalid_format",
                )
            )
        url = value.get("url", _MISSING)
        problem = redis_url_problem(url) if self.string((*path, "url"), url, out, "must be a redis:// or rediss:// URL") else None
        if problem:
            expected = "must be a redis:// or rediss:// URL (rediss:// for TLS)"
            out.append(Problem((*path, "url"), expected if problem == "scheme" else f"{expected}; {problem}", "custom"))
        if "mode" in value and value["mode"] not in self.modes:
            out.append(Problem((*path, "mode"), 'must be "standalone" or "cluster"', "invalid_value"))
        if "seeds" in value:
            seeds = value["seeds"]
            if not isinstance(seeds, list):
                out.append(_type_error((*path, "seeds"), "array", seeds))
            else:
                for i, seed in enumerate(seeds):
                    problem = redis_url_problem(seed) if self.string((*path, "seeds", i), seed, out) else None
                    if problem:
                        expected = "must be a redis:// or rediss:// URL"
                        message = expected if problem == "scheme" else f"{expected}; {problem}"
                        out.append(Problem((*path, "seeds", i), message, "custom"))
        self.unknown_keys(path, value, ("id", "url", "mode", "seeds"), out)

    def region(self, path: Path, value: Any, out: list[Problem]) -> None:
        if not self.object(path, value, out):
            return
        rid = value.get("id", _MISSING)
        if self.string((*path, "id"), rid, out) and not self.region_id.match(rid):
            out.append(
                Problem(
                    (*path, "id"),
                    "must be lowercase letters, digits and dashes (for example us-east-1)",
                    "invalid_format",
                )
            )
        geo = value.get("geo", _MISSING)
        if self.string((*path, "geo"), geo, out) and len(geo) < 1:
            out.append(Problem((*path, "geo"), "Too small: expected string to have >=1 characters", "too_small"))
        clusters = value.get("clusters", _MISSING)
        if not isinstance(clusters, list):
            out.append(_type_error((*path, "clusters"), "array", clusters))
        else:
            for i, cluster in enumerate(clusters):
                self.cluster((*path, "clusters", i), cluster, out)
            if len(clusters) < self.min_clusters:
                out.append(
                    Problem(
                        (*path, "clusters"),
                        f"needs at least {self.min_clusters} Redis clusters (one can fail over to the other)",
                        "too_small",
                    )
                )
        self.unknown_keys(path, value, ("id", "geo", "clusters"), out)

    def regions(self, path: Path, value: Any, out: list[Problem]) -> None:
        if not isinstance(value, list):
            out.append(_type_error(path, "array", value))
            return
        inner: list[Problem] = []
        for i, region in enumerate(value):
            self.region((*path, i), region, inner)
        if len(value) < self.min_regions:
            inner.append(Problem(path, "needs at least one region", "too_small"))
        out.extend(inner)
        if any(problem.aborts for problem in inner):
            return
        region_ids: set[str] = set()
        cluster_ids: set[str] = set()
        for r, region in enumerate(value):
            if region["id"] in region_ids:
                out.append(
                    Problem(
                        (*path, r, "id"),
                        f'duplicate region id "{region["id"]}"; region ids must be unique',
                        "custom",
                    )
                )
            region_ids.add(region["id"])
            for c, cluster in enumerate(region["clusters"]):
                if cluster["id"] in cluster_ids:
                    out.append(
                        Problem(
                            (*path, r, "clusters", c, "id"),
                            f'duplicate cluster id "{cluster["id"]}"; cluster ids must be unique across all regions',
                            "custom",
                        )
                    )
                cluster_ids.add(cluster["id"])

    # -- the whole config -------------------------------------------------------------------
    def config(self, raw: dict[str, Any]) -> list[Problem]:
        out: list[Problem] = []
        env = raw.get("ENV", _MISSING)
        if env not in self.environments:
            out.append(
                Problem(("ENV",), f"must be one of {', '.join(self.environments)}", "invalid_value", env)
            )
        self.duration(("TIMEOUT",), raw.get("TIMEOUT", _MISSING), out)
        timeouts = raw.get("timeouts", _MISSING)
        if self.object(("timeouts",), timeouts, out):
            self.duration(("timeouts", "connect"), timeouts.get("connect", _MISSING), out)
            # timeouts.call and timeouts.test follow TIMEOUT x 3 and x 4, so they may reach that many ten-minute spans.
            self.duration(("timeouts", "call"), timeouts.get("call", _MISSING), out, CALL_TIMEOUT_FACTOR)
            self.duration(("timeouts", "test"), timeouts.get("test", _MISSING), out, CALL_TIMEOUT_FACTOR + 1)
            self.unknown_keys(("timeouts",), timeouts, ("connect", "call", "test"), out)
        self.regions(("regions",), raw.get("regions", _MISSING), out)
        cache = raw.get("cache", _MISSING)
        if self.object(("cache",), cache, out):
            self.max_ttl_ms(("cache", "maxTtlMs"), cache.get("maxTtlMs", _MISSING), out)
            self.duration(("cache", "opTimeoutMs"), cache.get("opTimeoutMs", _MISSING), out)
            self.unknown_keys(("cache",), cache, ("maxTtlMs", "opTimeoutMs"), out)
        allowed = raw.get("allowMissingRegions", _MISSING)
        if allowed is not _MISSING:
            if not isinstance(allowed, list):
                out.append(_type_error(("allowMissingRegions",), "array", allowed, "must be an array of region ids"))
            else:
                for i, item in enumerate(allowed):
                    self.string(("allowMissingRegions", i), item, out, "must list region ids as strings")
        self.unknown_keys((), raw, ("ENV", "TIMEOUT", "timeouts", "regions", "allowMissingRegions", "cache"), out)
        if any(problem.aborts for problem in out):
            return out
        if raw["TIMEOUT"] > 0 and raw["timeouts"]["connect"] > raw["TIMEOUT"]:
            out.append(Problem(("timeouts", "connect"), f"must not exceed TIMEOUT ({raw['TIMEOUT']} ms)", "custom"))
        if raw["timeouts"]["call"] > raw["timeouts"]["test"]:
            out.append(
                Problem(
                    ("timeouts", "call"),
                    f"must not exceed timeouts.test ({raw['timeouts']['test']} ms): a test must outlast the calls it makes",
                    "custom",
                )
            )
        if raw["ENV"] == "prod":
            for r, region in enumerate(raw["regions"]):
                for c, cluster in enumerate(region["clusters"]):
                    for i, url in enumerate([cluster["url"], *cluster.get("seeds", [])]):
                        if not url.startswith("rediss://"):
                            where: Path = ("regions", r, "clusters", c, "url") if i == 0 else (
                                "regions",
                                r,
                                "clusters",
                                c,
                                "seeds",
                                i - 1,
                            )
                            out.append(Problem(where, "must use rediss:// (TLS) in prod", "custom"))
        return out


CALL_TIMEOUT_FACTOR = 3


def redis_url_problem(url: str) -> str | None:
    """Why a Redis URL is refused (as @org/config's redisUrlProblem says it), or None; never quotes it."""
    if not re.match(r"rediss?://", url, re.IGNORECASE):
        return "scheme"
    if re.search(r"\s", url):
        return "it contains whitespace"
    rest = url[url.index("//") + 2 :]
    authority = re.split(r"[/?#]", rest, maxsplit=1)[0]
    if "@" in re.split(r"[?#]", rest[len(authority) :], maxsplit=1)[0]:
        return 'its password seems to hold a raw "/": percent-encode it as %2F'
    host_port = authority[authority.rfind("@") + 1 :]
    match = re.fullmatch(r"(\[[^\]]*\]|[^:\[\]]*)(?::(.*))?", host_port)
    if not match:
        return "its host is malformed"
    port = match.group(2)
    if port is not None and not (re.fullmatch(r"\d{1,5}", port) and 1 <= int(port) <= 65535):
        return "the port must be a number from 1 to 65535"
    host = match.group(1)
    if not host or host == "[]":
        return "it names no host"
    return None


def validate(raw: dict[str, Any]) -> list[Problem]:
    """Every problem with the layered settings, in the order @org/config reports them."""
    return _Validator().config(raw)


def valid_duration(value: Any) -> bool:
    return _Validator().duration(("TIMEOUT",), value, [])
