export {
  aiShare,
  blameFile,
  parsePorcelain,
  toRanges,
  type BlameOptions,
  type LineOrigin,
  type LineRange,
} from "./blame.ts";
export { classifyCommits, classifyShas, type ClassifyOptions, type CommitClassification } from "./classify.ts";
export {
  CONFIG_FILE,
  DEFAULT_INTEGRATION_TEST_GLOBS,
  DEFAULT_SOURCE_GLOBS,
  DEFAULT_TEST_GLOBS,
  defaultProvenanceConfig,
  loadProvenanceConfig,
  resolveProvenanceConfig,
  type ProvenanceConfig,
} from "./config.ts";
export { ProvenanceError, type ProvenanceErrorCode } from "./errors.ts";
export { DEFAULT_AI_IDENTITIES, matchIdentity, matchToolName, parsePerson, type AiIdentity } from "./identities.ts";
export { originOf, type CommitEvidence, type Signal, type Trailer } from "./signals.ts";
export { PROVENANCE_ERROR_CODES, type ErrorCodeInfo } from "./error-codes.ts";
