# wsgi-intercept: requests to the host and port an interceptor intercepts are answered by a WSGI app in-process
# (nothing waits on a server); any other host, and the same URL once the interceptor is gone, go to the network.
from uuid import uuid4

import pytest
import requests
from wsgi_intercept import requests_intercept
from wsgi_intercept.interceptor import RequestsInterceptor

from .install import installer_class
from .wsgi_app import simple_app

HOST = "some_hopefully_nonexistant_domain"

InstalledApp = installer_class(requests_intercept)


def test_yielded_url():
    with RequestsInterceptor(app=simple_app, host=str(uuid4()), port=9999) as url:
        response = requests.get(url)
        assert response.status_code == 200


def test_given_url():
    url = "http://%s:%s/" % (uuid4(), 9999)
    with RequestsInterceptor(app=simple_app, url=url) as target_url:
        response = requests.get(target_url)
        response = requests.get(url)
        assert response.status_code == 200
    with pytest.raises(requests.ConnectionError):
        requests.get(url)  # expect: no-unbounded-timeout


def test_installed_host():
    with InstalledApp(simple_app, host=HOST, port=80) as app:
        response = requests.get("http://some_hopefully_nonexistant_domain:80/")
        response = requests.get("http://some_hopefully_nonexistant_domain/", timeout=5)
        assert response.content
        assert app.success()


def test_other_host_goes_out():
    with InstalledApp(simple_app, host=HOST, port=80):
        response = requests.get("http://example.com/")  # expect: no-unbounded-timeout
        response = requests.get("http://example.com/", timeout=5)  # expect: no-hardcoded-timeout
        assert response.ok


def test_other_port_goes_out():
    with InstalledApp(simple_app, host=HOST, port=8080):
        response = requests.get("http://some_hopefully_nonexistant_domain:80/")  # expect: no-unbounded-timeout
        assert response.ok


def test_any_context_manager_is_no_interceptor():
    with open("/dev/null") as url:
        requests.get(url)  # expect: no-unbounded-timeout
