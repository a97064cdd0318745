import socket
import threading

REQUEST_TIMEOUT_INITIALISE = 30  # expect: no-hardcoded-timeout
REQUEST_TIMEOUT_COMMAND = 30  # expect: no-hardcoded-timeout
REQUEST_TIMEOUT_COMPLETION = 5


class Connection(threading.Thread):
    def GetResponse(self, request_id, message, timeout):
        return self._responses.get(request_id, message, timeout)


class TCPConnection(Connection):
    pass


class Completer:
    def __init__(self):
        self._connection = None

    def Start(self):
        self._connection = TCPConnection()

    def GetConnection(self):
        return self._connection

    def Initialise(self, request_id, body):
        # The request's reply is awaited for at most 30 s (the constant above).
        return self.GetConnection().GetResponse(request_id, body, REQUEST_TIMEOUT_INITIALISE)

    def Command(self, request_id, body):
        return self._connection.GetResponse(request_id, body, REQUEST_TIMEOUT_COMMAND)

    def Tokens(self, request_id, body):
        return self._connection.GetResponse(request_id, body, 3 * REQUEST_TIMEOUT_COMPLETION)  # expect: no-hardcoded-timeout


def handed(connection, request_id, body):
    # A connection handed in: nothing in the file says it is one of its own objects.
    return connection.GetResponse(request_id, body, 20)


def library_object(request_id, body):
    # Another library's object with a method of the same name.
    sock = socket.socket()
    return sock.GetResponse(request_id, body, 20)
