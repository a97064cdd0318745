"""Loads the configuration exactly as @org/config's loadConfig does, with no Node at runtime.

Precedence: built-in defaults < environment profile < config file < ``values`` < environment variables.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

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
        text = raw.strip()
        if re.fullmatch(r"[0-9]+", text):
            return int(text)
        return _Unparsable(raw, "must be a positive whole number of milliseconds, for example 30000")
    if kind == "json":
        try:
            return json.loads(raw)
        except ValueError as error:
            return _Unparsable(raw, f"is not valid JSON ({error})")
    return raw


@dataclass
class _Layer:
    label: str
    data: dict[str, Any]


def _settings() -> list[dict[str, Any]]:
    return list(spec()["settings"])


def _setting_for(key: str) -> dict[str, Any] | None:
    for setting in _settings():
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


def _undeclared(data: dict[str, Any]) -> list[str]:
    leaves = {setting["key"] for setting in _settings()}
    branches = {key.rsplit(".", 1)[0] for key in leaves if "." in key}
    found: list[str] = []
    nested: list[tuple[str, dict[str, Any]]] = []
    for key, value in data.items():
        if key in leaves:
            continue
        if key in branches and isinstance(value, dict):
            nested.append((key, value))
        else:
            found.append(key)
    for prefix, value in nested:
        for key in value:
            if f"{prefix}.{key}" not in leaves:
                found.append(f"{prefix}.{key}")
    return found


class _Loader:
    def __init__(self, env: Mapping[str, str], file: str | None, values: Mapping[str, Any] | None) -> None:
        self.env = env
        self.issues: list[ConfigIssue] = []
        self.layers: list[_Layer] = []
        self.file_env: str = spec()["configFileEnv"]
        path = file if file is not None else env.get(self.file_env)
        if path is not None:
            self._read_file(path, "file" if file is not None else self.file_env)
        if values is not None:
            self.layers.append(_Layer("load_config values", copy.deepcopy(dict(values))))

    def _read_file(self, path: str, via: str) -> None:
        label = f"config file {path}" + (f" (from {self.file_env})" if via == self.file_env else "")
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        except OSError as error:
            code = _errno_name(error)
            self.issues.append(ConfigIssue(label, "", f"cannot be read ({code}); check the path and its permissions"))
            return
        except UnicodeDecodeError:
            self.issues.append(ConfigIssue(label, "", "is not UTF-8 text; save it as UTF-8 JSON"))
            return
        try:
            data = json.loads(text)
        except ValueError as error:
            self.issues.append(ConfigIssue(label, "", f"is not valid JSON: {error}"))
            return
        if not isinstance(data, dict):
            self.issues.append(ConfigIssue(label, "", "must hold a JSON object of settings"))
            return
        self.layers.append(_Layer(label, data))

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

    def describe_source(self, key: str, environment: str) -> str:
        setting = _setting_for(key)
        if setting is not None and self.env.get(setting["env"]) is not None:
            rest = key[len(setting["key"]) :]
            return f"{setting['env']} at ${rest}" if rest else setting["env"]
        top = re.split(r"[.\[]", key)[0]
        for layer in reversed(self.layers):
            if _get_path(layer.data, setting["key"] if setting else top) is not None:
                return f"{layer.label} at $.{key}"
        if setting is not None and setting["key"] in ("timeouts.connect", "timeouts.test"):
            return f"{key} (derived from TIMEOUT)"
        return f"{key} (default for {environment})"

    def describe_problem(self, problem: Problem, key: str) -> str:
        setting = _setting_for(key)
        if (
            setting is not None
            and not setting["sensitive"]
            and setting["key"] == key
            and self.env.get(setting["env"]) is not None
        ):
            return f"{problem.message} (got {json.dumps(self.env[setting['env']], ensure_ascii=False)})"
        if problem.code == "invalid_value" and setting is not None and setting["key"] == "ENV":
            return f"{problem.message} (got {json.dumps(problem.input, ensure_ascii=False)})"
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
            for key in _undeclared(layer.data):
                self.issues.append(
                    ConfigIssue(
                        self.describe_source(key, environment),
                        key,
                        f'"{key}" is not a setting (known: {", ".join(s["key"] for s in _settings())})',
                    )
                )
            _merge(raw, layer.data)
        for setting in _settings():
            value = _get_path(raw, setting["key"])
            if isinstance(value, str) and setting["parse"] != "enum":
                _set_path(raw, setting["key"], _parse(setting["parse"], value))
            text = self.env.get(setting["env"])
            if text is not None:
                _set_path(raw, setting["key"], _parse(setting["parse"], text))

        unparsable: set[str] = set()
        for setting in _settings():
            value = _get_path(raw, setting["key"])
            if isinstance(value, _Unparsable):
                unparsable.add(setting["key"])
                shown = "" if setting["sensitive"] else f" (got {json.dumps(value.raw, ensure_ascii=False)})"
                self.issues.append(
                    ConfigIssue(self.describe_source(setting["key"], environment), setting["key"], f"{value.reason}{shown}")
                )
        if raw.get("ENV") is None:
            raw["ENV"] = environment
        self._derive_timeouts(raw, environment)

        for problem in validate(raw):
            key = _format_path(problem.path)
            setting = _setting_for(key)
            if setting is not None and setting["key"] in unparsable:
                continue
            self.issues.append(ConfigIssue(self.describe_source(key, environment), key, self.describe_problem(problem, key)))
        if self.issues:
            raise ConfigError(self.issues)
        return raw

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
        raw["timeouts"] = timeouts


def _errno_name(error: OSError) -> str:
    import errno

    return errno.errorcode.get(error.errno or 0, "unknown error")


def load_raw(env: Mapping[str, str], file: str | None, values: Mapping[str, Any] | None) -> dict[str, Any]:
    """The validated settings as plain data; raises ConfigError listing every problem."""
    return _Loader(env, file, values).load()
