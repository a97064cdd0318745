export {
  createHttpClient,
  DEFAULT_BACKOFF_BASE_MS,
  DEFAULT_RETRIES,
  IDEMPOTENT_METHODS,
  type HttpClient,
  type HttpClientOptions,
  type RequestOptions,
} from "./client.ts";
export { HttpError, type HttpErrorCode, type HttpFailure } from "./errors.ts";
