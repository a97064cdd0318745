// A scanner screen's settings, generated classes whose doc comments (indented text, no `*`) say what a 0 means:
// scanbot's `Timeouts` (react-native-scanbot-barcode-scanner-sdk, fresh263). Its 0 is documented "disabled": the
// screen never closes on its own, a wait with no limit. The screen class in the other file hands the same 0 on.
export class Timeouts {
  /**
    Sets the length of time, in milliseconds, when the scanner should auto close. Default is 0 (disabled).

    Default is 0
    */
  public autoCancelTimeout: number = 0; // expect: no-unbounded-timeout
  /**
    Sets the length of time, in milliseconds, that the first scan will be delayed by. Default is 0 (disabled).
    */
  public initialScanDelay: number = 0;
  /** When the last scan timed out, reset between scans. */
  public lastTimeout: number = 0;

  public constructor(source: Partial<Timeouts> = {}) {
    if (source.autoCancelTimeout !== undefined) this.autoCancelTimeout = source.autoCancelTimeout;
    if (source.initialScanDelay !== undefined) this.initialScanDelay = source.initialScanDelay;
  }
}
