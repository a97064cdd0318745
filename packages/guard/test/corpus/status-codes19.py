# Python `no-hardcoded-timeout`, session 19 (review19 item 7): HTTP statuses named for a timeout (kombu's AWS
# connection) are codes a response is compared with, not durations, also when the run of statuses is not in ascending
# order (so it is no code list), and also gathered in a tuple. A real timeout among them stays reported.
import requests


class AsyncQueryConnection:
    STATUS_CODE_OK = 200
    STATUS_CODE_REQUEST_TIMEOUT = 408
    STATUS_CODE_NETWORK_CONNECT_TIMEOUT_ERROR = 599
    STATUS_CODE_INTERNAL_ERROR = 500
    STATUS_CODE_GATEWAY_TIMEOUT = 504
    HTTP_TIMEOUT = 30  # expect: no-hardcoded-timeout

    STATUS_CODES_TIMEOUT = (
        STATUS_CODE_REQUEST_TIMEOUT,
        STATUS_CODE_NETWORK_CONNECT_TIMEOUT_ERROR,
        STATUS_CODE_GATEWAY_TIMEOUT,
    )

    def fetch(self, url):
        response = requests.get(url, timeout=self.HTTP_TIMEOUT)
        return response.status_code in self.STATUS_CODES_TIMEOUT


REQUEST_TIMEOUT = 408
HTTP_GATEWAY_TIMEOUT = 504


def retryable(status):
    return status in (REQUEST_TIMEOUT, HTTP_GATEWAY_TIMEOUT)
