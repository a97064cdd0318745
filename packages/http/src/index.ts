export {
  createHttpClient,
  DEFAULT_BACKOFF_BASE_MS,
  DEFAULT_MAX_BYTES,
  DEFAULT_RETRIES,
  IDEMPOTENT_METHODS,
  type HttpClient,
  type HttpClientOptions,
  type HttpClientSettings,
  type RequestOptions,
} from "./client.ts";
export { HttpAttemptError, HttpError, HttpUsageError, type HttpErrorCode, type HttpFailure } from "./errors.ts";
export type { RetryBudgetOptions } from "./retry.ts";
export { HTTP_ERROR_CODES, type ErrorCodeInfo } from "./error-codes.ts";
