// A SCAN LENGTH: bleak's `BleakScanner.discover(timeout=5.0)` (https://bleak.readthedocs.io, and the module-level
// `bleak.discover` of its older releases) scans for that many seconds and returns every device it saw: a timed
// listen, like a sleep of that length, with nothing it waits for that could fail to come. `find_device_by_address(addr,
// timeout=10)` waits for one device and gives up after the timeout: a bound, still reported.
const SCANS = /(^|\.)(BleakScanner\.discover|bleak\.discover)$/;

/** Whether the call (its callee as written, and resolved through the file's imports) is a scan of fixed length. */
export function isScanLength(path: string, written: string): boolean {
  return SCANS.test(path) || SCANS.test(written);
}
