# Session 15 (guard-pyrec): Python hardcoded recall.
import time


# A timeout in microseconds is a timeout (SoapySDR's stream reads: `timeoutUs=100000`, 100 ms).
class Device:
    def readStream(self, stream, buffs, flags, timeNs, timeoutUs=100000):  # expect: no-hardcoded-timeout
        return _SoapySDR.Device_readStream(self, stream, buffs, flags, timeNs, timeoutUs)

    def acquire(self, handle, timeout_usec=500_000):  # expect: no-hardcoded-timeout
        return _lib.acquire(handle, timeout_usec)

    # A count of microseconds that is no timeout stays unflagged.
    def seek(self, position_us=100000):
        return _lib.seek(position_us)

