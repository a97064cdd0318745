"""The settings, profiles and schema of @org/config, generated at build time (scripts/generate.mjs)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def spec() -> dict[str, Any]:
    """The generated copy of @org/config's settings, profiles and JSON Schema."""
    try:
        text = resources.files(__package__).joinpath("_spec.json").read_text(encoding="utf-8")
    except FileNotFoundError as error:  # a source checkout that was never built
        raise RuntimeError(
            "org_toolkit/_spec.json is missing: it is generated from @org/config by "
            "`node scripts/generate.mjs` (run by the package's build); install the built wheel instead"
        ) from error
    data: dict[str, Any] = json.loads(text)
    return data
