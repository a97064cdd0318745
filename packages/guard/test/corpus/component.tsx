import { config } from "@org/config";

export function Banner() {
  return (
    <div>
      Requests time out after timeout=5000 ms {/* timeout: 5000 */}
      <Poller timeout={5000} /> {/* expect: no-hardcoded-timeout */}
      <Poller timeout={config.TIMEOUT} />
      <Poller interval={5000} />
    </div>
  );
}
declare function Poller(props: { timeout?: number; interval?: number }): JSX.Element;
