# The API helper's own constant, imported by the script's parser as the default of `--timeout`: reported.
DEFAULT_TIMEOUT = 180.0  # expect: no-hardcoded-timeout
