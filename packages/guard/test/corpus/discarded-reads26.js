// A timeout constant whose only read is thrown away (session 26): a comma expression's value is its last element's,
// so `(FORCE_FLUSH_TIMEOUT_MILLIS, callWithTimeout)(...)` hands the constant to nothing; the flush is bounded by the
// caller's value. A constant also read where it is used stays reported. `expect:` marks each line that must be flagged.
"use strict";
const { callWithTimeout } = require("@opentelemetry/core");
const p_timeout_1 = require("tslib").__importDefault(require("p-timeout"));

const FORCE_FLUSH_TIMEOUT_MILLIS = 30000;
const SHUTDOWN_TIMEOUT_MILLIS = 30000; // expect: no-hardcoded-timeout

class MultiLogRecordProcessor {
  constructor(processors, forceFlushTimeoutMillis) {
    this.processors = processors;
    this.forceFlushTimeoutMillis = forceFlushTimeoutMillis;
  }

  async forceFlush() {
    const timeout = this.forceFlushTimeoutMillis;
    await Promise.all(
      this.processors.map((processor) => (FORCE_FLUSH_TIMEOUT_MILLIS, callWithTimeout)(processor.forceFlush(), timeout)),
    );
  }

  async shutdown() {
    await (0, p_timeout_1.default)(Promise.all(this.processors.map((p) => p.shutdown())), SHUTDOWN_TIMEOUT_MILLIS);
    await (0, p_timeout_1.default)(this.exporter.shutdown(), 5000); // expect: no-hardcoded-timeout
  }
}

exports.MultiLogRecordProcessor = MultiLogRecordProcessor;
