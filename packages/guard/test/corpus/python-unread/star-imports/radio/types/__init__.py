# Star imports of the package's own modules (session 32, guard-py32): only `basic`'s names may be read through them.
from .basic import *  # noqa: F401, F403
