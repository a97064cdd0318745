CACHE_DEFAULT_TIMEOUT = 300  # expect: no-hardcoded-timeout
