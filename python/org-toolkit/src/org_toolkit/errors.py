"""Named errors with a stable ``code``; each message says what to do next."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ConfigIssue:
    """One problem with the configuration, named by where it came from."""

    source: str
    """The environment variable, the config file and JSON path, or the profile default."""
    key: str
    """The config key, for example ``TIMEOUT`` or ``regions[0].clusters[1].url``."""
    message: str
    """What is wrong and what is allowed; never the value of a sensitive setting."""


class OrgError(Exception):
    """Base class of every org_toolkit error."""

    code = "ORG_ERROR"


class ConfigError(OrgError, ValueError):
    """The configuration could not be loaded; ``issues`` lists every problem at once."""

    code = "ORG_CONFIG_INVALID"

    def __init__(self, issues: list[ConfigIssue] | tuple[ConfigIssue, ...]) -> None:
        self.issues: tuple[ConfigIssue, ...] = tuple(issues)
        count = "1 problem" if len(self.issues) == 1 else f"{len(self.issues)} problems"
        lines = [f"  - {issue.source}: {issue.message}" for issue in self.issues]
        super().__init__(
            "\n".join(
                [
                    f"Invalid @org configuration ({count}):",
                    *lines,
                    "Fix the values above and start again; `org-config schema` lists every setting "
                    "and `org-config validate` checks a deployment.",
                ]
            )
        )


class ConfigWarning(UserWarning):
    """Accepted on purpose but worth saying: a region of the profile left out through ``allowMissingRegions``."""
