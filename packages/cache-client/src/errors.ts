import { CodedError } from "@org/cli-kit/error";

export type CacheErrorCode =
  | "ORG_CACHE_KEY"
  | "ORG_CACHE_VALUE"
  | "ORG_CACHE_TTL"
  | "ORG_CACHE_OPTIONS"
  | "ORG_CACHE_TOPOLOGY"
  | "ORG_CACHE_UNAVAILABLE"
  | "ORG_CACHE_CLOSED";

/** A cache call that could not be done. `code` is stable; no message or cause holds a credential. */
export class CacheError extends CodedError<CacheErrorCode> {
  override readonly name = "CacheError";
}
