// Parameter defaults a body never reads bound nothing (issue 9: @open-rpc/client-js' `_timeout = 5000`, codeceptjs'
// `seeTraffic({ ..., timeout = 10 })` wrapper that passes `...arguments` on, which never holds a default).
// `expect:` marks findings.
declare const queue: { add(data: unknown, timeout: number | null): Promise<unknown> };
declare function seeTraffic(this: unknown, options: object): Promise<void>;
declare function fetchWithin(url: string, ms: number): Promise<unknown>;
declare function abort(): void;

export class PostMessageTransport {
  async sendData(data: unknown, _timeout = 5000): Promise<unknown> {
    return queue.add(data, null);
  }
}

export class Helper {
  async seeTraffic({ url, timeout = 10 }: { url: string; timeout?: number }): Promise<void> {
    await seeTraffic.call(this, ...arguments);
  }
}

// Read in the body, or in a closure the body builds: the default bounds the wait.
export async function send(
  data: unknown,
  timeout = 5000, // expect: no-hardcoded-timeout
): Promise<unknown> {
  return queue.add(data, timeout);
}
export const load = ({ url, timeout = 3000 }: { url: string; timeout?: number }) => fetchWithin(url, timeout); // expect: no-hardcoded-timeout
export function watchdog(
  timeout = 2000, // expect: no-hardcoded-timeout
): () => void {
  return () => void setTimeout(() => abort(), timeout);
}
