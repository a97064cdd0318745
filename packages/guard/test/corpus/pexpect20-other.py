# An `expect` of a file that does not import pexpect is some other object's: its timeout=None may mean "unset".
class Console:
    def expect(self, pattern, timeout=None):
        return self.read_until(pattern, timeout)


def login(console):
    console.expect("login:", timeout=None)
