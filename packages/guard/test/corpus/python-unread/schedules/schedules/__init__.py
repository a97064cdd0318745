from .manager import Manager
from .client import Client

__all__ = ["Manager", "Client"]
