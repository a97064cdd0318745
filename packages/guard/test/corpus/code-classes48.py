# Python `no-hardcoded-timeout`, session 48 (issue 9): a plain class named for the codes it lists, whose body is
# nothing but literal constants, is a table of codes like an Enum (pocsuite3's `class ERROR_TYPE_ID:
# CONNECTTIMEOUT = 3.2`). A settings class of the same shape is not named for codes.


class ERROR_TYPE_ID:
    NOTIMPLEMENTEDERROR = 2
    CONNECTIONERROR = 3.0
    HTTPERROR = 3.1
    CONNECTTIMEOUT = 3.2
    TOOMANYREDIRECTS = 3.3
    OTHER = 4


class ErrorCodes:
    """Codes the agent reports."""

    OK = 0
    READ_TIMEOUT = 7


class Settings:
    RETRIES = 3
    CONNECT_TIMEOUT = 3.2  # expect: no-hardcoded-timeout


class RequestTypes:
    GET = "get"
    READ_TIMEOUT = 10  # expect: no-hardcoded-timeout

    def fetch(self, session, url):
        return session.get(url, timeout=self.READ_TIMEOUT)
