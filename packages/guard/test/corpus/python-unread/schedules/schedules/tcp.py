import asyncio

from .connection import Connection


class TcpConnection(Connection):
    async def open(self):
        await asyncio.wait_for(asyncio.open_connection("h", 1), self._timeout)
