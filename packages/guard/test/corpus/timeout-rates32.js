// JS `no-hardcoded-timeout`, session 32 (issue 9): a timeout per unit of work (esptool-js'
// `ERASE_REGION_TIMEOUT_PER_MB = 30000`, scaled by the flash size in `timeoutPerMb(rate, size)` into the bound of one
// command's reply) is a timeout; it was missed because its last words are a unit of work. A period named like a
// timeout (`timeoutPeriod` reset by a heartbeat) is not a rate and is judged as before.
class Loader {
  constructor(transport) {
    this.transport = transport;
    this.ERASE_REGION_TIMEOUT_PER_MB = 30000; // expect: no-hardcoded-timeout
    this.MD5_TIMEOUT_PER_MB = 8000; // expect: no-hardcoded-timeout
    this.softTimeoutPerKbMs = 50; // expect: no-hardcoded-timeout
  }

  timeoutPerMb(msPerMb, sizeBytes) {
    return Math.max(3000, (msPerMb * sizeBytes) / 1e6);
  }

  async erase(size) {
    return this.transport.command(0x02, size, this.timeoutPerMb(this.ERASE_REGION_TIMEOUT_PER_MB, size));
  }

  async md5(size) {
    return this.transport.command(0x13, size, this.timeoutPerMb(this.MD5_TIMEOUT_PER_MB, size));
  }

  async post(beef) {
    return this.transport.post(beef, { timeout: (beef.length / 1024) * this.softTimeoutPerKbMs });
  }
}

module.exports = { Loader };
