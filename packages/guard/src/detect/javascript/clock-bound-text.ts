// What a JavaScript text shows of a wait's time spent held against a bound, read from the text alone (no parse): the
// prefilter (`prefilter.ts`), the package's candidates (`package-candidates.ts`) and its pass (`package-facts.ts`)
// share it, and a run that needs only the text test does not load the detector (`clock-deadlines.ts`).

/** `Date.now() - start > 5000`, `elapsed > maxElapsedTime`: pattern sources, one per shape. */
export const CLOCK_BOUND_PATTERNS = ["\\bnow\\s*\\(\\s*\\)\\s*-\\s*[\\w$.]+\\s*[<>]", "\\belapsed\\w*\\s*[<>]"];

/** A text that may hold the time a wait spent against a bound. */
export const MIGHT_BOUND_BY_CLOCK = new RegExp(CLOCK_BOUND_PATTERNS.join("|"));
