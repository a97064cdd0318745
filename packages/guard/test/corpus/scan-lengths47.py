# Python `no-hardcoded-timeout`, session 47 (issue 9): bleak's `BleakScanner.discover(timeout=10)` scans for ten
# seconds and returns every device it saw (meshtastic's and adax-local's device searches): a scan's length, nothing
# it waits for can fail to come. Waiting for one device or a connection is bounded by its timeout.
import bleak
from bleak import BleakClient, BleakScanner


async def find_radios():
    devices = await BleakScanner.discover(timeout=10, return_adv=True)
    return [d for d in devices.values() if d[1].local_name]


async def find_heaters():
    return await bleak.BleakScanner.discover(timeout=60.0)


async def connect(address):
    device = await BleakScanner.find_device_by_address(address, timeout=20.0)  # expect: no-hardcoded-timeout
    client = BleakClient(device, timeout=10.0)  # expect: no-hardcoded-timeout
    await client.connect()
    return client
