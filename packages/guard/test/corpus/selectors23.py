import selectors
import sys


def read_input(fileno, stop):
    selector = selectors.DefaultSelector()
    selector.register(fileno, selectors.EVENT_READ)
    while not stop.is_set():
        # Each round waits at most 0.1 s for input before checking the stop event again (a poll tick).
        for _key, _mask in selector.select(0.1):  # expect: no-hardcoded-timeout
            pass
    # 0 polls: it does not block.
    selector.select(0)


class Reader:
    def __init__(self):
        self._selector = selectors.PollSelector()
        self._selector.register(sys.stdin, selectors.EVENT_READ)

    def ready(self):
        return bool(self._selector.select(30))  # expect: no-hardcoded-timeout


def copied():
    sel = selectors.DefaultSelector()
    other = sel
    return other.select(2.5)  # expect: no-hardcoded-timeout


def on_parameter(sel):
    # A receiver handed in: nothing in the file says it is a selector (`select` is a common method name).
    return sel.select(1)


class Table:
    def refresh(self, listbox):
        # A GUI list's `select(0)` and an ORM's `Model.select(1)`: no selectors object.
        listbox.select(0)
        self.items.select(1)
