import asyncio

# Star-imported by `types/__init__.py`: another module may read it, so it is not known to be unread.
FRAME_TIMEOUT = 4  # expect: no-hardcoded-timeout
