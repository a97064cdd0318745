# Fields read only to be written back to themselves (session 32, guard-py32; pyotgw's `ConnectionManager`): the value
# kept when no new one is given, which no wait reads. The look-alike that a wait does read stays reported.
import asyncio


class ConnectionManager:
    def __init__(self):
        self._open_timeout = 10
        self._reply_timeout = 10  # expect: no-hardcoded-timeout

    async def connect(self, port, timeout=None):
        self._open_timeout = timeout if timeout else self._open_timeout
        self._reply_timeout = timeout or self._reply_timeout
        await asyncio.wait_for(port.open(), self._reply_timeout)
