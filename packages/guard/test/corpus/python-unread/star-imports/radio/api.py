import asyncio

STARTUP_TIMEOUT = 15  # expect: no-hardcoded-timeout


async def start(network):
    await asyncio.wait_for(network.started(), STARTUP_TIMEOUT)
