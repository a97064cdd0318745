import { CodedError } from "@org/cli-kit/error";

export type GuardErrorCode = "ORG_GUARD_USAGE" | "ORG_GUARD_CONFIG" | "ORG_GUARD_GIT" | "ORG_GUARD_FACTS";

/** A problem with how org-guard was run (not a finding): exit code 2. */
export class GuardError extends CodedError<GuardErrorCode> {
  override readonly name = "GuardError";
}
