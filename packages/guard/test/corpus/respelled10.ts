// A "no limit" that re-spells one the caller or an earlier line already chose (issue 9, fresh11's @sanity/client):
// `0` becomes `false` for a receiver that writes "no timeout" so, and a field with no positive timeout keeps
// none. They choose no limit, they pass it on. `expect:` marks findings.
declare function request(options: { timeout: number | false | { total: number; signal: boolean } }): Promise<void>;
const DEFAULT_REQUEST_TIMEOUT_MS = 5 * 60 * 1000; // expect: no-hardcoded-timeout

export function requestOptions(config: { timeout?: number }, overrides: { timeout?: number; useAbortSignal?: boolean }) {
  const timeout = typeof overrides.timeout === "undefined" ? config.timeout : overrides.timeout;
  const options: { timeout: number | false | { total: number; signal: boolean } } = {
    timeout: typeof timeout === "undefined" ? DEFAULT_REQUEST_TIMEOUT_MS : timeout === 0 ? false : timeout,
  };
  if (overrides.useAbortSignal === false) {
    options.timeout =
      typeof options.timeout === "number" && options.timeout > 0 ? { total: options.timeout, signal: false } : false;
  }
  return request(options);
}

// A test of another value than the one kept is no re-spelling: the code's own choice of none, handed to a wait.
export function upload(opts: { timeout?: number }, req: { setTimeout(ms: number): void }) {
  req.setTimeout(opts.timeout! > 0 ? opts.timeout! : 0); // expect: no-unbounded-timeout
}
