# A constant of the name an untraced import reads: it may be this one, so it is reported.
NATIVE_TIMEOUT = 5  # expect: no-hardcoded-timeout
