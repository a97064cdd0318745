import { CodedError } from "@org/cli-kit/error";

export type FlakyErrorCode =
  "ORG_FLAKY_USAGE" | "ORG_FLAKY_BAD_XML" | "ORG_FLAKY_INPUT" | "ORG_FLAKY_STORE" | "ORG_FLAKY_GIT";

/** A problem with how org-flaky was run or with its input (not a finding): exit code 2. */
export class FlakyError extends CodedError<FlakyErrorCode> {
  override readonly name = "FlakyError";
}

/** Removes credentials from anything that may hold a connection URL before it reaches a message. */
export function redact(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)([^/@\s:]+)(:[^/@\s]*)?@/gi, (_m, scheme: string) => `${scheme}***@`);
}
