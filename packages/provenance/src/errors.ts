export type ProvenanceErrorCode = "ORG_PROVENANCE_GIT" | "ORG_PROVENANCE_CONFIG";

/** A git command failed or the config is invalid. The message says which input and what to do. */
export class ProvenanceError extends Error {
  override readonly name = "ProvenanceError";
  constructor(
    readonly code: ProvenanceErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
