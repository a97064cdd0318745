# zigpy-znp's `zigbee/application.py`: its own startup constant below nothing reads (`api.py` reads api's, of the
# same name), and the package's only star imports are of `types`' modules: no module can read this one.
from radio import types as t

STARTUP_TIMEOUT = 5


class ControllerApplication:
    def __init__(self, config):
        self.config = config
        self.frame = t.FRAME_TIMEOUT
