// A timer whose callback only changes what is shown (session 25): a React state flag, `setState`, a class on an
// element. Its delay is how long something shows, not a deadline. A callback that sets a state saying it timed out,
// aborts, or settles a wait stays a deadline. `expect:` marks each line that must be flagged.
import { Component, useRef, useState } from "react";

const TIMEOUT = 2e3;
export function CopyButton({ value, timeout = TIMEOUT }: { value: string; timeout?: number }) {
  const [copied, setCopied] = useState(false);
  const ref = useRef<ReturnType<typeof setTimeout>>(undefined);
  const copy = async () => {
    await navigator.clipboard.writeText(value);
    setCopied(true);
    clearTimeout(ref.current);
    ref.current = setTimeout(() => setCopied(false), timeout);
  };
  return <button onClick={copy}>{copied ? "copied" : "copy"}</button>;
}

export class Search extends Component<{ busyTimeout: number; search: () => void }, { busy: boolean }> {
  static defaultProps = { busyTimeout: 150 };
  private busyTimeout: number | void = undefined;
  run = () => {
    this.busyTimeout = window.setTimeout(this.showBusy, this.props.busyTimeout);
    this.props.search();
  };
  done = () => {
    if (this.busyTimeout) this.busyTimeout = clearTimeout(this.busyTimeout);
  };
  showBusy = () => {
    this.setState({ busy: true });
  };
}

const FLASH_TIMEOUT = 800;
export function flash(el: HTMLElement) {
  el.classList.add("flash");
  setTimeout(() => el.classList.remove("flash"), FLASH_TIMEOUT);
}

const LOAD_TIMEOUT = 5000; // expect: no-hardcoded-timeout
export function Loader({ load }: { load: () => void }) {
  const [status, setStatus] = useState("idle");
  const start = () => {
    setTimeout(() => setStatus("timeout"), LOAD_TIMEOUT);
    load();
  };
  return <button onClick={start}>{status}</button>;
}

const FETCH_TIMEOUT = 5000; // expect: no-hardcoded-timeout
export function Fetcher({ load }: { load: (s: AbortSignal) => void }) {
  const [busy, setBusy] = useState(false);
  const start = () => {
    const c = new AbortController();
    setTimeout(() => {
      setBusy(false);
      c.abort();
    }, FETCH_TIMEOUT);
    load(c.signal);
  };
  return <button onClick={start}>{String(busy)}</button>;
}

const READY_TIMEOUT = 3000; // expect: no-hardcoded-timeout
export const ready = () => new Promise<boolean>((resolve) => setTimeout(() => resolve(false), READY_TIMEOUT));
