# Python `no-hardcoded-timeout`, session 52 (issue 9), from blind set fresh222 (nicotine's tray icon): Windows message
# ids numbered from a base constant (`NIN_BALLOONTIMEOUT = (WM_USER + 4)` among `WM_USER + 1`, `+ 3`, `+ 5`) are a
# code list, not a timeout padded by 4. A timeout padded from a setting stays one.
import socket


class Win32NotificationHandler:
    WM_NULL = 0
    WM_USER = 1024
    WM_TRAYICON = (WM_USER + 1)
    NIN_BALLOONHIDE = (WM_USER + 3)
    NIN_BALLOONTIMEOUT = (WM_USER + 4)
    NIN_BALLOONUSERCLICK = (WM_USER + 5)


MX_RESPONSE_DELAY = 1


def discover(sock: socket.socket) -> bytes:
    sock.settimeout(MX_RESPONSE_DELAY + 0.1)  # expect: no-hardcoded-timeout
    return sock.recv(1024)
