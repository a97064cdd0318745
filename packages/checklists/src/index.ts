export { CHECKLISTS, getChecklist, type Checklist, type ChecklistItem } from "./checklists.ts";
export { PULL_REQUEST_TEMPLATE_PATH, pullRequestTemplate, toMarkdown } from "./markdown.ts";
export { ChecklistNotFoundError, TemplateFileError } from "./errors.ts";
export { CHECKLISTS_ERROR_CODES, type ErrorCodeInfo } from "./error-codes.ts";
