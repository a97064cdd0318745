import serial


class Link:
    def connect(self, portname):
        fd = serial.Serial(portname, 9600, stopbits=1, timeout=0.02)  # expect: no-hardcoded-timeout
        # pySerial's older setters: the port waits up to this long for each read or write.
        fd.setTimeout(1.0)  # expect: no-hardcoded-timeout
        fd.setWriteTimeout(2)  # expect: no-hardcoded-timeout
        # 0: reads return at once (non-blocking), nothing waits.
        fd.setTimeout(0)
        return fd

    def switch(self, fd, portname):
        # A parameter re-bound to a new port in the same function: the setter is the new port's.
        fd = serial.Serial(portname, 500000, timeout=0.3)  # expect: no-hardcoded-timeout
        fd.setTimeout(0.1)  # expect: no-hardcoded-timeout
        return fd

    def handed(self, port):
        # A port handed in: nothing in the file says what it is.
        port.setTimeout(5)


class Plot:
    def __init__(self, plot):
        self.plot = plot

    def start(self):
        # A widget's refresh interval, no serial port.
        self.plot.setTimeout(250)
