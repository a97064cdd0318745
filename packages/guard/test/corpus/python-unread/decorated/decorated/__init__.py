from .fields import Options, Settings

__version__ = "1.0"
