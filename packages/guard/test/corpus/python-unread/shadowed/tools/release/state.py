# Read by `tools/script/relative.py` through a relative import: reported.
STATE_TIMEOUT = 30  # expect: no-hardcoded-timeout
