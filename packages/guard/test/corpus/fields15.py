# Session 15 (guard-pyrec): Python hardcoded recall.
# attrs and dataclass fields: the default is what every object built without the argument waits with.
import attr
from dataclasses import dataclass, field


@attr.s
class ShellDriver:
    login_timeout = attr.ib(default=60, validator=attr.validators.instance_of(int))  # expect: no-hardcoded-timeout
    prompt = attr.ib(default="", validator=attr.validators.instance_of(str))

    def await_login(self):
        self.console.expect(self.prompt, timeout=self.login_timeout)


@dataclass
class Options:
    connect_timeout: float = field(default=2.0)  # expect: no-hardcoded-timeout
    retries: int = field(default=3)

    def connect(self, sock, address):
        sock.settimeout(self.connect_timeout)
        sock.connect(address)
