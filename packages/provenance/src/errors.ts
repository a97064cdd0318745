import { CodedError } from "@org/cli-kit/error";

export type ProvenanceErrorCode = "ORG_PROVENANCE_GIT" | "ORG_PROVENANCE_CONFIG";

/** A git command failed or the config is invalid. The message says which input and what to do. */
export class ProvenanceError extends CodedError<ProvenanceErrorCode> {
  override readonly name = "ProvenanceError";
}
