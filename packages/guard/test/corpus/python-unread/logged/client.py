def fetch(connector, sock):
    sock.settimeout(connector.read_timeout)
    return sock.recv(1024)
