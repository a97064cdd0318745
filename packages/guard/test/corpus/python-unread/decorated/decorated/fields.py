import dataclasses

import attr

# Read nowhere in the package: a setting nothing reads bounds nothing.
LEGACY_TIMEOUT = 25


# A dataclass's fields are read by the decorator, through `asdict()`/`**` and by the package's users: kept.
@dataclasses.dataclass
class Options:
    connect_timeout: float = 10.0  # expect: no-hardcoded-timeout


# The same for an attrs class's plain attributes.
@attr.s
class Settings:
    boot_timeout = 120  # expect: no-hardcoded-timeout


# An undecorated class's attribute nothing reads is still unread.
class Canvas:
    DRAW_TIMEOUT = 10
