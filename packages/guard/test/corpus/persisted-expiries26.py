# The clock plus a duration kept as a record's expiry: saved in a model's DateTimeField, or ordered against stored
# timestamps in a query lookup (`expiration__gt=`). A deadline a loop waits for, as a datetime or a float, stays a timeout.
import datetime
import time

from django.db import models
from django.utils import timezone

CAPTCHA_TIMEOUT = 5
POOL_TIMEOUT = 5
WAIT_TIMEOUT = 5  # expect: no-hardcoded-timeout
PLAIN_TIMEOUT = 5  # expect: no-hardcoded-timeout


class CaptchaStore(models.Model):
    expiration = models.DateTimeField(blank=False)

    def save(self, *args, **kwargs):
        if not self.expiration:
            self.expiration = timezone.now() + datetime.timedelta(minutes=int(CAPTCHA_TIMEOUT))

    @classmethod
    def pick(cls):
        minimum_expiration = timezone.now() + datetime.timedelta(minutes=POOL_TIMEOUT)
        return cls.objects.filter(expiration__gt=minimum_expiration).first()

    def wait(self):
        # The deadline's duration is WAIT_TIMEOUT's literal, reported where it is written (session 48).
        self.deadline = timezone.now() + datetime.timedelta(seconds=WAIT_TIMEOUT)
        while timezone.now() < self.deadline:
            time.sleep(1)

    def plain(self):
        deadline = time.time() + PLAIN_TIMEOUT
        while time.time() < deadline:
            time.sleep(1)
