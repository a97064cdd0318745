# Python `no-hardcoded-timeout`, session 52 (issue 9), from blind set fresh221 (pa-dlna): a keyword handed to the
# file's own method that only sleeps with it (`if timeout: await asyncio.sleep(timeout)`) is how long the helper
# pauses. A helper that also waits with it stays a timeout.
import asyncio
import unittest


class SoapTests(unittest.IsolatedAsyncioTestCase):
    async def patch_soap_action(self, event, ctx, transport_state="STOPPED", timeout=0):
        result = []
        await ctx.renderer.handle_pulse_event()
        # Sleep to get the last 'Stop' SOAP action.
        if timeout:
            await asyncio.sleep(timeout)
        return result

    async def wait_soap_action(self, ctx, timeout=0):
        await asyncio.sleep(timeout)
        return await asyncio.wait_for(ctx.renderer.done, timeout)

    async def test_remove_event(self):
        ctx = object()
        result = await self.patch_soap_action("remove", ctx, timeout=0.2, transport_state="PLAYING")
        self.assertEqual(len(result), 1)

    async def test_waits(self):
        ctx = object()
        await self.wait_soap_action(ctx, timeout=0.2)  # expect: no-hardcoded-timeout
