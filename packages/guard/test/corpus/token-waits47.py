# Python `no-hardcoded-timeout`, session 47 (issue 9): a timeout named after a token is a token's lifetime
# (`sts_token_timeout`), but a verb before the token makes it a wait for one: hyperion-py's
# `DEFAULT_REQUEST_TOKEN_TIMEOUT_SECS` bounds the wait for the user to approve a token request in the web UI.
DEFAULT_REQUEST_TOKEN_TIMEOUT_SECS = 180  # expect: no-hardcoded-timeout
FETCH_TOKEN_TIMEOUT = 30  # expect: no-hardcoded-timeout
ACCESS_TOKEN_TIMEOUT = 3600
STS_TOKEN_TIMEOUT = 900
