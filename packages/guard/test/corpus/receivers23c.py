import multiprocessing
import selectors
import socket
import urllib.request

import serial

sel = selectors.DefaultSelector()


def square(x):
    return x * x


def keyboard_interrupt_idiom():
    # The copied Ctrl-C idiom: a get() written as all nines (116 days) stands in for "forever": a chosen no-limit.
    pool = multiprocessing.Pool(4)
    return pool.map_async(square, range(40)).get(9999999)  # expect: no-unbounded-timeout


def day_long_round(pool):
    # 99999 s in a loop that goes round on TimeoutError: a bound the code waits for, then asks again.
    result = multiprocessing.Pool(2).map_async(square, range(4))
    while not result.ready():
        try:
            result.get(99999)  # expect: no-hardcoded-timeout
        except multiprocessing.TimeoutError:
            pass


def serve(sock):
    # An event loop's wait for the next event is its purpose: the selector's None is not reported.
    sel.register(sock, selectors.EVENT_READ)
    while True:
        for key, _mask in sel.select(timeout=None):
            key.fileobj.recv(1024)


def pool_result_without_limit():
    # A pool result's keyword None is not read either (the opener's is: its documented no limit).
    return multiprocessing.Pool(2).map_async(square, range(4)).get(timeout=None)


def fetch(url):
    opener = urllib.request.build_opener()
    return opener.open(url, timeout=None)  # expect: no-unbounded-timeout


def connect(host):
    # The 5 bounds the socket's waits; the None switches its timer off, as a written settimeout(None) does.
    for timeout in (5, None):  # expect: no-hardcoded-timeout
        s = socket.socket()
        s.settimeout(timeout)
        s.connect((host, 80))


def switch_baud(fd, portname):
    # A parameter rebound to a pySerial port before its setter: the port then waits up to 0.1 s on each read.
    fd = serial.Serial(portname, 115200)
    fd.setTimeout(0.1)  # expect: no-hardcoded-timeout
    return fd
