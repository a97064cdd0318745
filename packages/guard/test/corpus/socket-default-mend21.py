# review21 items 4-6: local URLs built from a `file:` literal fetch nothing; the SSL variants' extra positional
# arguments are key and certificate files before the timeout (up to Python 3.11), not a timeout.
import imaplib
import poplib
import smtplib
from urllib.request import urlopen
from urllib.request import urlopen as get_page

from .settings import settings


def local(path):
    return urlopen("file://" + path).read()


def local_f(path):
    return urlopen(f"file://{path}").read()


def remote(host):
    return urlopen("https://" + host).read()  # expect: no-unbounded-timeout


def remote_f(host):
    return urlopen(f"https://{host}/").read()  # expect: no-unbounded-timeout


def aliased(url):
    return get_page(url).read()  # expect: no-unbounded-timeout


def imap(host):
    return imaplib.IMAP4_SSL(host, 993, None)  # expect: no-unbounded-timeout


def imap_bounded(host, key, cert):
    return imaplib.IMAP4_SSL(host, 993, key, cert, None, settings.timeout_s)


def pop(host, key):
    return poplib.POP3_SSL(host, 995, key)  # expect: no-unbounded-timeout


def smtp(host, key):
    return smtplib.SMTP_SSL(host, 465, None, key)  # expect: no-unbounded-timeout


def smtp_bounded(host, key, cert):
    return smtplib.SMTP_SSL(host, 465, None, key, cert, settings.timeout_s)
