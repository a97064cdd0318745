# Not a config module: the loader does not make it read, and nothing else does.
RETIRED_TIMEOUT = 5
