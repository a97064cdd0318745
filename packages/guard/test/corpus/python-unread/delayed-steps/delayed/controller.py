# Session 30 (guard-pyfp30): a module constant slept for once, outside any loop. With the package's facts (no other
# module names it) a sleep followed only by the next steps, none of which ends anything, is a delay; a sleep followed
# by a check of what came meanwhile or by a kill is a deadline's wait.
import asyncio
import time

RECONNECT_TIMEOUT = 180
SETTLE_TIMEOUT = 5  # expect: no-hardcoded-timeout
WATCHDOG_TIMEOUT = 30  # expect: no-hardcoded-timeout
ANSWER_TIMEOUT = 2  # expect: no-hardcoded-timeout
KEY_TIMEOUT = 3  # expect: no-hardcoded-timeout


class Controller:
    async def _reconnect(self):
        await self.disconnect()
        await asyncio.sleep(RECONNECT_TIMEOUT)
        await self.connect()

    async def settle(self):
        await asyncio.sleep(SETTLE_TIMEOUT)
        self.check_ready()

    def watchdog(self, proc):
        time.sleep(WATCHDOG_TIMEOUT)
        proc.kill()

    async def answer(self):
        await asyncio.sleep(ANSWER_TIMEOUT)
        if not self.answered:
            self.supported = False

    async def keys_later(self):
        # A timer: the body starts with its delay, and is cancelled when a key comes.
        await asyncio.sleep(KEY_TIMEOUT)
        self.feed_keys()

    def feed_keys(self):
        pass

    async def disconnect(self):
        pass

    async def connect(self):
        pass

    def check_ready(self):
        pass
