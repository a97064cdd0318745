# Its own `TIMEOUT`, read by its poll: a 5 s poll tick, reported.
import zmq

TIMEOUT = 5000  # expect: no-hardcoded-timeout


class LanguageServerClient:
    def __init__(self, port):
        self.socket = zmq.Context().socket(zmq.PAIR)
        self.socket.connect("tcp://127.0.0.1:%d" % port)

    def listen(self):
        while True:
            events = self.socket.poll(TIMEOUT)
            if events:
                return self.socket.recv_pyobj()
