# Calls the helpers of another module by their parameter's keyword or place: the value is that wait's bound.
from .base import PageBase


class TestPages(PageBase):
    def test_upload(self):
        self.wait_for_error(sec=90)  # expect: no-hardcoded-timeout
        self.wait_for_alert(30)  # expect: no-hardcoded-timeout

    def test_pause(self):
        self.pause(sec=2)
        self.show(sec=4)
        self.show(5)
