import { Timeouts } from "./Common";

export class BarcodeScannerScreenConfiguration {
  /**
    Configuration of timeouts.
    */
  public timeouts: Timeouts = new Timeouts({ autoCancelTimeout: 0, initialScanDelay: 0 }); // expect: no-unbounded-timeout
}
