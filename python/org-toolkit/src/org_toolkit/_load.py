"""Loads the configuration exactly as @org/config's loadConfig does, with no Node at runtime.

Precedence: built-in defaults < environment profile < config file < ``values`` < environment variables.
"""

from __future__ import annotations

import copy
import json
import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ._json import JsonProblem, _js_slice, _utf16_length, js_string, parse_json
from ._spec import spec
from ._validate import Problem, valid_duration, validate
from .errors import ConfigError, ConfigIssue


class _Unparsable:
    """Environment text that could not be read, so validation can say why and where."""

    def __init__(self, raw: str, reason: str) -> None:
        self.raw = raw
        self.reason = reason


def _parse(kind: str, raw: str) -> Any:
    if kind == "integer":
        # One number grammar for every source (as @org/config): plain digits, no spaces, sign or leading zeros.
        if re.fullmatch(r"0|[1-9][0-9]{0,14}", raw):
            return int(raw)
        return _Unparsable(raw, "must be a positive whole number of milliseconds, for example 30000")
    if kind == "json":
        try:
            return parse_json(raw)
        except JsonProblem as problem:
            return _Unparsable(raw, f"is not valid JSON: {problem}")
    return raw


@dataclass
class _Layer:
    label: str
    data: dict[str, Any]


def _settings() -> list[dict[str, Any]]:
    return list(spec()["settings"])


def _setting_for(key: str) -> dict[str, Any] | None:
    for setting in _all_settings():
        name = setting["key"]
        if key == name or key.startswith(f"{name}.") or key.startswith(f"{name}["):
            return setting
    return None


def _get_path(data: Any, key: str) -> Any:
    node = data
    for part in key.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    return node


def _set_path(data: dict[str, Any], key: str, value: Any) -> None:
    parts = key.split(".")
    node = data
    for part in parts[:-1]:
        child = node.get(part)
        if not isinstance(child, dict):
            child = node[part] = {}
        node = child
    node[parts[-1]] = value


def _format_path(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out = f"{out}.{part}" if out else part
    return out


def _merge(target: dict[str, Any], source: dict[str, Any]) -> None:
    # Objects merge key by key, everything else (arrays included) replaces: convict's load().
    for key, value in source.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        else:
            target[key] = copy.deepcopy(value)


_SHOWN_UNKNOWN_KEYS = 10


def _all_settings() -> list[dict[str, Any]]:
    return [*_settings(), *spec().get("fileSettings", _FILE_SETTINGS)]


# Settings only a config file can hold (kept out of the spec's settings, which all have a variable).
_FILE_SETTINGS = [{"key": "allowMissingRegions", "parse": "json", "sensitive": False, "exported": False}]


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i]
        for j in range(1, len(b) + 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1])))
        previous = current
    return previous[len(b)]


def _suggest(key: str) -> str | None:
    typed = key[:64].lower()
    best: tuple[int, str] | None = None
    for setting in _all_settings():
        for candidate in (setting["key"], setting["key"].split(".")[-1]):
            distance = _edit_distance(typed, candidate.lower())
            if best is None or distance < best[0]:
                best = (distance, setting["key"])
    return best[1] if best and best[0] <= max(2, len(typed) // 3) else None


def _show_key(key: str) -> str:
    # Keys come from the input: escape control characters (a newline would forge a line) and truncate.
    escaped = js_string(key)[1:-1]
    return f"{_js_slice(escaped, 60)}…" if _utf16_length(escaped) > 60 else escaped


def _quote(value: Any) -> str:
    """A value as @org/config quotes it in a message: JSON, at most 80 characters."""
    text = js_string(value) if isinstance(value, str) else json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return f"{_js_slice(text, 80)}…" if _utf16_length(text) > 80 else text


def _check_layer(label: str, data: dict[str, Any], issues: list[ConfigIssue]) -> dict[str, Any]:
    """The layer's known settings; unknown keys and wrong shapes become issues (as @org/config's objectLayer)."""
    leaves = {s["key"] for s in _all_settings() if "." not in s["key"]}
    branches: dict[str, list[str]] = {}
    for setting in _all_settings():
        if "." in setting["key"]:
            head, leaf = setting["key"].split(".", 1)
            branches.setdefault(head, []).append(leaf)
    kept: dict[str, Any] = {}
    unknown: list[str] = []
    for key, value in data.items():
        if key in leaves:
            kept[key] = value
        elif key not in branches:
            unknown.append(key)
        elif not isinstance(value, dict):
            kinds = {type(None): "null", list: "an array", dict: "an object"}
            got = kinds.get(type(value)) or {bool: "a boolean", str: "a string"}.get(type(value), "a number")
            issues.append(
                ConfigIssue(f"{label} at $.{key}", key, f"must be an object with the keys {', '.join(branches[key])} (got {got})")
            )
        else:
            kept[key] = {}
            for leaf, inner in value.items():
                if leaf in branches[key]:
                    kept[key][leaf] = inner
                else:
                    unknown.append(f"{key}.{leaf}")
    names = ", ".join(s["key"] for s in _all_settings())
    for key in unknown[:_SHOWN_UNKNOWN_KEYS]:
        hint = _suggest(key)
        shown = _show_key(key)
        suggestion = f'; did you mean "{hint}"?' if hint else ""
        issues.append(ConfigIssue(f"{label} at $.{shown}", shown, f"{js_string(shown)} is not a setting{suggestion} (settings: {names})"))
    if len(unknown) > _SHOWN_UNKNOWN_KEYS:
        issues.append(ConfigIssue(label, "", f"{len(unknown) - _SHOWN_UNKNOWN_KEYS} more keys are not settings either"))
    return kept


class _Loader:
    def __init__(self, env: Mapping[str, str], file: str | None, values: Mapping[str, Any] | None) -> None:
        self.env = env
        self.issues: list[ConfigIssue] = []
        self.layers: list[_Layer] = []
        self.warnings: list[str] = []
        self.file_env: str = spec()["configFileEnv"]
        path = file if file is not None else env.get(self.file_env)
        if path is not None:
            self._read_file(path, "file" if file is not None else self.file_env)
        if values is not None:
            checked = _check_layer("load_config values", copy.deepcopy(dict(values)), self.issues)
            self.layers.append(_Layer("load_config values", checked))

    def _read_file(self, path: str, via: str) -> None:
        label = f"config file {path}" + (f" (from {self.file_env})" if via == self.file_env else "")
        text = _read_config_text(path)
        if isinstance(text, _FileProblem):
            self.issues.append(ConfigIssue(label, "", text.message))
            return
        try:
            data = parse_json(text)
        except JsonProblem as problem:
            self.issues.append(ConfigIssue(label, "", f"is not valid JSON: {problem}"))
            return
        if not isinstance(data, dict):
            self.issues.append(ConfigIssue(label, "", "must hold a JSON object of settings"))
            return
        self.layers.append(_Layer(label, _check_layer(label, data, self.issues)))

    def choose_environment(self) -> str:
        environments: list[str] = spec()["environments"]
        from_layers = None
        for layer in self.layers:
            if layer.data.get("ENV") is not None:
                from_layers = layer.data["ENV"]
        named = self.env.get("ORG_ENV", from_layers)
        if named is None and self.env.get("NODE_ENV") == "production":
            self.issues.append(
                ConfigIssue(
                    "ORG_ENV",
                    "ENV",
                    "is not set while NODE_ENV=production; set ORG_ENV=prod (or staging): "
                    "dev timeouts are never guessed in production",
                )
            )
        return named if named in environments else "dev"

    def describe_source(self, key: str, environment: str, fallback: str | None = None) -> str:
        setting = _setting_for(key)
        if setting is not None and "env" in setting and self.env.get(setting["env"]) is not None:
            rest = key[len(setting["key"]) :]
            return f"{setting['env']} at ${rest}" if rest else setting["env"]
        top = re.split(r"[.\[]", key)[0]
        for layer in reversed(self.layers):
            if _get_path(layer.data, setting["key"] if setting else top) is not None:
                return f"{layer.label} at $.{key}"
        if fallback is not None:
            return fallback
        if setting is not None and setting["key"].startswith("timeouts."):
            return f"{key} (derived from TIMEOUT)"
        return f"{key} (default for {environment})"

    def describe_problem(self, problem: Problem, key: str) -> str:
        setting = _setting_for(key)
        if (
            setting is not None
            and not setting["sensitive"]
            and setting["key"] == key
            and "env" in setting
            and self.env.get(setting["env"]) is not None
        ):
            return f"{problem.message} (got {_quote(self.env[setting['env']])})"
        if setting is not None and not setting["sensitive"] and setting["key"] == key:
            for layer in reversed(self.layers):
                value = _get_path(layer.data, key)
                if value is not None:
                    return f"{problem.message} (got {_quote(value)})"
        if problem.code == "invalid_value" and setting is not None and setting["key"] == "ENV":
            return f"{problem.message} (got {_quote(problem.input)})"
        return problem.message

    def load(self) -> dict[str, Any]:
        environment = self.choose_environment()
        profile = spec()["profiles"][environment]
        raw: dict[str, Any] = {
            "TIMEOUT": profile["TIMEOUT"],
            "cache": copy.deepcopy(profile["cache"]),
            "regions": copy.deepcopy(profile["regions"]),
        }
        for layer in self.layers:
            _merge(raw, layer.data)
        for setting in _settings():
            # Only environment text is parsed; a file's "30000" stays a string and is refused (one grammar).
            text = self.env.get(setting["env"])
            if text is not None:
                _set_path(raw, setting["key"], _parse(setting["parse"], text))

        unparsable: set[str] = set()
        for setting in _settings():
            value = _get_path(raw, setting["key"])
            if isinstance(value, _Unparsable):
                unparsable.add(setting["key"])
                shown = "" if setting["sensitive"] else f" (got {_quote(value.raw)})"
                self.issues.append(
                    ConfigIssue(self.describe_source(setting["key"], environment), setting["key"], f"{value.reason}{shown}")
                )
        if raw.get("ENV") is None:
            raw["ENV"] = environment
        self._derive_timeouts(raw, environment)

        problems = validate(raw)
        for problem in problems:
            key = _format_path(problem.path)
            found = _setting_for(key)
            if found is not None and found["key"] in unparsable:
                continue
            self.issues.append(ConfigIssue(self.describe_source(key, environment), key, self.describe_problem(problem, key)))
        if not problems:
            self.issues.extend(self.missing_regions(raw, environment))
        if self.issues:
            raise ConfigError(self.issues)
        return raw

    def missing_regions(self, raw: dict[str, Any], environment: str) -> list[ConfigIssue]:
        """The seed's bug (a key revoked everywhere but APAC): a staging or prod topology lacking a region
        of its profile is an error, unless the config file lists the region in ``allowMissingRegions``
        (then a warning)."""
        self.warnings = []
        if environment == "dev":
            return []
        present = {region["id"] for region in raw["regions"]}
        missing = [r["id"] for r in spec()["profiles"][environment]["regions"] if r["id"] not in present]
        allowed = set(raw.get("allowMissingRegions") or [])
        refused = [rid for rid in missing if rid not in allowed]
        self.warnings = [
            f"region {rid} of the {environment} profile is left out (allowMissingRegions): invalidations will not reach it"
            for rid in missing
            if rid in allowed
        ]
        if not refused:
            return []
        them = "it" if len(refused) == 1 else "them"
        given = len(raw["regions"])
        return [
            ConfigIssue(
                self.describe_source("regions", environment, fallback="regions"),
                "regions",
                f"lacks {'region' if len(refused) == 1 else 'regions'} {', '.join(refused)} of the {environment} profile "
                f"({given} region{'' if given == 1 else 's'} given): an invalidation would never reach {them}. "
                f'Add {them}, or list {them} under "allowMissingRegions" in the config file to leave {them} out on purpose.',
            )
        ]

    @staticmethod
    def _derive_timeouts(raw: dict[str, Any], environment: str) -> None:
        # Named timeouts follow TIMEOUT unless set: a 45 s TIMEOUT gives tests 4 x 45 s, not 4 x 5 s.
        profile = spec()["profiles"][environment]
        timeouts = raw.get("timeouts")
        if not isinstance(timeouts, dict):
            timeouts = {} if timeouts is None else timeouts
        timeout = raw["TIMEOUT"] if valid_duration(raw.get("TIMEOUT")) else profile["TIMEOUT"]
        if isinstance(timeouts, dict):
            if timeouts.get("connect") is None:
                timeouts["connect"] = min(profile["timeouts"]["connect"], timeout)
            if timeouts.get("test") is None:
                timeouts["test"] = timeout * (1 + spec()["testRetryAllowance"])
            if timeouts.get("call") is None:
                test = timeouts["test"] if isinstance(timeouts["test"], int) else timeout * (1 + spec()["testRetryAllowance"])
                timeouts["call"] = min(timeout * spec()["testRetryAllowance"], test)
        raw["timeouts"] = timeouts


def _errno_name(error: OSError) -> str:
    import errno

    return errno.errorcode.get(error.errno or 0, "unknown error")


MAX_CONFIG_FILE_BYTES = 1024 * 1024
"""The largest config file read: 1 MiB. A topology of hundreds of clusters is a few tens of KB."""


@dataclass(frozen=True)
class _FileProblem:
    message: str


def _read_config_text(path: str) -> str | _FileProblem:
    """A regular file of at most MAX_CONFIG_FILE_BYTES, as UTF-8 text (as @org/config's readConfigFile)."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below as not a regular file.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        return _FileProblem(f"cannot be read ({_errno_name(error)}); check the path and its permissions")
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return _FileProblem("is not a regular file; point it at a JSON file")
        if info.st_size > MAX_CONFIG_FILE_BYTES:
            return _FileProblem(
                f"is {info.st_size} bytes, more than the {MAX_CONFIG_FILE_BYTES} bytes a config file may have"
            )
        chunks: list[bytes] = []
        length = 0
        while length <= MAX_CONFIG_FILE_BYTES:
            chunk = os.read(fd, MAX_CONFIG_FILE_BYTES + 1 - length)
            if not chunk:
                break
            chunks.append(chunk)
            length += len(chunk)
        if length > MAX_CONFIG_FILE_BYTES:
            return _FileProblem(f"is larger than the {MAX_CONFIG_FILE_BYTES} bytes a config file may have")
    except OSError as error:
        return _FileProblem(f"cannot be read ({_errno_name(error)}); check the path and its permissions")
    finally:
        os.close(fd)
    try:
        text = b"".join(chunks).decode("utf-8")
    except UnicodeDecodeError:
        return _FileProblem("is not UTF-8 text")
    # TextDecoder drops one leading byte order mark; the JSON reader drops another.
    return text[1:] if text.startswith("\ufeff") else text


def load_raw(
    env: Mapping[str, str], file: str | None, values: Mapping[str, Any] | None
) -> tuple[dict[str, Any], list[str]]:
    """The validated settings as plain data and the warnings (regions left out on purpose);
    raises ConfigError listing every problem."""
    loader = _Loader(env, file, values)
    raw = loader.load()
    return raw, loader.warnings
