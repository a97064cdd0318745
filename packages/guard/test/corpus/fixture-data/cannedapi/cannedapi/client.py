import requests

# The client's own wait: reported.
READ_TIMEOUT = 30  # expect: no-hardcoded-timeout


def call(service, method):
    return requests.get("https://api.example/%s/%s" % (service, method), timeout=READ_TIMEOUT)
