def idle(sock, holder):
    sock.settimeout(getattr(holder, "idle_timeout"))
