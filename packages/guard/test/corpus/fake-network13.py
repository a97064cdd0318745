# A URL the test registered a canned response for on a double (a fixture made by `useFixture`, which returns the
# fixture it sets up) is answered by the double; a URL it registered nothing for goes to the network.
import requests
from testtools import TestCase

from ..network import FakeNetwork


class FakeNetworkTest(TestCase):
    def setUp(self):
        super().setUp()
        self.network = self.useFixture(FakeNetwork())

    def test_get(self):
        self.network.get("http://test.com", text="data")
        response = requests.get("http://test.com")
        self.assertEqual("data", response.text)

    def test_unregistered(self):
        self.network.get("http://test.com", text="data")
        response = requests.get("http://other.example")  # expect: no-unbounded-timeout
        self.assertEqual(200, response.status_code)


class RealNetworkTest(TestCase):
    def setUp(self):
        super().setUp()
        self.live = self.useFixture(NetworkFixture())

    def test_get(self):
        self.live.get("http://test.com", text="data")
        response = requests.get("http://test.com")  # expect: no-unbounded-timeout
        self.assertEqual("data", response.text)
