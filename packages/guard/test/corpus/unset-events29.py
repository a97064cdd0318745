import threading


# pymol: a local event nothing can set (never handed on, no `set()`): each wait runs its whole 0.01 s, a sleep
# between checks of the library's start, not a bound on anything awaited.
def wait_for_library(cmd, pymol):
    e = threading.Event()
    while cmd._COb is None:
        e.wait(0.01)
    while not hasattr(pymol, "xray"):
        e.wait(0.01)


# A local condition waited on under its own lock, which nothing notifies: a pause.
def settle():
    cond = threading.Condition()
    with cond:
        cond.wait(0.1)


# The event is handed to the worker, which sets it: a wait for the worker, bounded by 5 s.
def wait_for_worker(work):
    done = threading.Event()
    worker = threading.Thread(target=work, args=(done,))
    worker.start()
    done.wait(5)  # expect: no-hardcoded-timeout


# A callback the function defines sets the event: a bounded wait for the callback.
def wait_for_callback(register):
    ready = threading.Event()

    def on_ready():
        ready.set()

    register(on_ready)
    ready.wait(timeout=30)  # expect: no-hardcoded-timeout


# An event kept on the object may be set by any method or thread: stays reported.
class Worker:
    def __init__(self):
        self.stopped = threading.Event()

    def wait_stopped(self):
        self.stopped.wait(10)  # expect: no-hardcoded-timeout


# paramiko: the event is also kept in the transport's table, where the reader thread sets it: a bounded wait.
class Transport:
    def open_channel(self, chanid):
        self.channel_events[chanid] = event = threading.Event()
        while True:
            event.wait(0.1)  # expect: no-hardcoded-timeout
            if event.is_set():
                return
