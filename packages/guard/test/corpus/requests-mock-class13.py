# requests-mock kept by a test class (its testtools fixture, set up in a base class's setUp): every test of the
# class sends its requests to the Mocker. A class that registers nothing on it goes to the network.
import requests

from keystone_like.tests.unit import utils


class RedirectTests(utils.TestCase):
    CHAIN = ["http://a.example/", "http://b.example/"]

    def setup_redirects(self):
        for source, target in zip(self.CHAIN, self.CHAIN[1:]):
            self.requests_mock.register_uri("GET", source, status_code=305, headers={"Location": target})

    def test_history_matches_requests(self):
        self.setup_redirects()
        response = requests.get(self.CHAIN[0], allow_redirects=True)
        self.assertEqual(len(response.history), 1)


class LiveTests(utils.TestCase):
    def test_live(self):
        response = requests.get("https://example.com/")  # expect: no-unbounded-timeout
        self.assertEqual(response.status_code, 200)
