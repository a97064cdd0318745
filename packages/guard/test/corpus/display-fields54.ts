// JS `no-hardcoded-timeout`, session 54 (issue 9): a timeout-named field of a class named for something shown (a
// toast, a notification, a banner, an overlay) is how long it shows: the scanbot SDK's `class ScanCompletionOverlay {
// public timeout: number = 1000; }` ("after which the overlay is automatically dismissed", fresh263). A field of any
// other class stays judged.
export class ScanCompletionOverlay {
  public message: string = "Scanned";
  public timeout: number = 1000;
}

export class SuccessToast {
  timeout = 3000;
}

export class ScannerSession {
  public connectTimeout: number = 1000; // expect: no-hardcoded-timeout
}
