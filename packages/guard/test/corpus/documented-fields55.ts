// JS `no-unbounded-timeout`, session 55 (issue 9): a class field's 0 whose doc comment says it is "no limit", the
// comment's lines whatever they start with (scanbot's generated classes indent their text without a `*`, fresh263).
// A field documented otherwise is reset state, as before.
export class ScannerTimeouts {
  /**
    Sets the length of time, in milliseconds, when the scanner should auto close. Default is 0 (disabled).
    */
  public autoCancelTimeout: number = 0; // expect: no-unbounded-timeout
  /** The wait for the camera to start. 0 = no timeout. */
  cameraTimeout = 0; // expect: no-unbounded-timeout
  /**
    How long the last scan took before it timed out.
    */
  public lastTimeout: number = 0;
}

