// An axios request config written where the checker cannot follow it: `{ timeout: 0, maxContentLength: Infinity,
// maxBodyLength: Infinity }` handed to the package's own request method (`this.doAxiosRequest("POST", { axiosOptions:
// {...} })`), which spreads it into `axiosInstance.post(url, data, config)` through steps no file fact follows. The
// object says whose config it is by keys only axios reads: what size a response may have, how the XSRF cookie is
// named, how params are serialised or bodies transformed.
// axios documents its `timeout` 0 as "no timeout is created" (a request waits for the server with no limit), so the
// object's `timeout` 0 (or `false`) is that "no limit", wherever the object goes next: nothing else reads such a
// config. A key shared with other HTTP clients (`onUploadProgress`, `validateStatus`, `maxRedirects`, `httpAgent`)
// says nothing on its own: ky reads the progress callbacks, and its 0 is no "no limit".
import { type EsNode, propertyName } from "./ast.ts";

/** Request-config keys of axios' own, documented at axios-http.com/docs/req_config. */
const AXIOS_ONLY =
  /^(maxContentLength|maxBodyLength|xsrfCookieName|xsrfHeaderName|withXSRFToken|paramsSerializer|transformRequest|transformResponse|responseEncoding|formSerializer)$/;

/** The `timeout` properties of an object literal that holds one of axios' own request-config keys. */
export function axiosConfigTimeouts(node: EsNode): EsNode[] {
  const properties = (node.properties as EsNode[]).filter((p) => p.type === "Property");
  if (!properties.some((p) => AXIOS_ONLY.test(propertyName(p) ?? ""))) return [];
  return properties.filter((p) => propertyName(p) === "timeout");
}
