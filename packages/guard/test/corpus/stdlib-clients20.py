# The standard library's network clients (imaplib, poplib, smtplib, ftplib, telnetlib) take their socket's timeout by
# place or as `timeout=`: a None there leaves the socket blocking, so an object that keeps a None for them waits
# without a limit on every later command; a literal there is a hardcoded timeout.
import imaplib
import smtplib
import telnetlib


class MailBox:
    def __init__(self, host="", port=143, timeout=None):  # expect: no-unbounded-timeout
        self._host = host
        self._port = port
        self._timeout = timeout

    def client(self):
        return imaplib.IMAP4(self._host, self._port, self._timeout)


class Mailer:
    def __init__(self, host, timeout=None):  # expect: no-unbounded-timeout
        self.host = host
        self.timeout = timeout

    def send(self, msg):
        with smtplib.SMTP(self.host, 25, timeout=self.timeout) as s:
            s.send_message(msg)


def probe(host):
    return telnetlib.Telnet(host, 23, 10.0)  # expect: no-hardcoded-timeout


# The port in the place before the timeout is no timeout; a function's own None that it hands on is its caller's.
def connect(host, timeout=None):
    return imaplib.IMAP4(host, 143, timeout)


def send_local(msg):
    with smtplib.SMTP("localhost", 1025) as s:  # expect: no-unbounded-timeout
        s.send_message(msg)
