import asyncio


class Client:
    def __init__(self, session):
        self.session = session

    async def read(self, reader):
        return await asyncio.wait_for(reader.read(), self.session.read_timeout)
