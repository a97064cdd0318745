// JS `no-hardcoded-timeout`, session 59 (issue 9), from blind set fresh322 (aws-advanced-nodejs-wrapper): a registry
// class declares each setting by name with its default last (`new WrapperProperty("wrapperConnectTimeout", "...",
// 10000)`), and a preset sets them by the registry entry's name (`new Map([[Props.X.name, 10000]])`). Both write a
// timeout's default in place. A Map of status codes, a count and a refresh rate are not timeouts.
export class WrapperProperty {
  constructor(name, description, defaultValue) {
    this.name = name;
    this.description = description;
    this.defaultValue = defaultValue;
  }

  get(props) {
    return props.has(this.name) ? props.get(this.name) : this.defaultValue;
  }
}

export class WrapperProperties {
  static WRAPPER_CONNECT_TIMEOUT = new WrapperProperty("wrapperConnectTimeout", "To connect.", 10000); // expect: no-hardcoded-timeout
  static WRAPPER_QUERY_TIMEOUT = new WrapperProperty("wrapperQueryTimeout", "For queries.", 20000); // expect: no-hardcoded-timeout
  static FAILOVER_RETRY_COUNT = new WrapperProperty("failoverRetryCount", "Retries.", 3);
  static TOPOLOGY_REFRESH_RATE_MS = new WrapperProperty("clusterTopologyRefreshRateMs", "Refresh rate.", 30000);
}

export const presets = new Map([
  [WrapperProperties.WRAPPER_CONNECT_TIMEOUT.name, 3000], // expect: no-hardcoded-timeout
  [WrapperProperties.TOPOLOGY_REFRESH_RATE_MS.name, 5000],
]);

export const reasons = new Map([
  ["GATEWAY_TIMEOUT", 504],
  ["REQUEST_TIMEOUT", 408],
  ["NOT_FOUND", 404],
]);

export function connect(client, props) {
  return client.connect({ timeout: WrapperProperties.WRAPPER_CONNECT_TIMEOUT.get(props) });
}
