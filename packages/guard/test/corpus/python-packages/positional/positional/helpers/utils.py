class Utils:
    @staticmethod
    def wait_for(cond, timeout, interval=None):
        """Wait until `cond()` is true, up to `timeout` seconds."""
        while not cond():
            pass
        return True
