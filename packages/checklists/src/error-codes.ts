import type { ChecklistNotFoundError, TemplateFileError } from "./errors.ts";

/** What an error code means and what to do about it; the docs' troubleshooting page is generated from these. */
export interface ErrorCodeInfo {
  meaning: string;
  action: string;
}

/** Every `code` a checklists error carries. */
export const CHECKLISTS_ERROR_CODES = {
  ORG_CHECKLISTS_NOT_FOUND: {
    meaning: "No checklist has the id that was asked for.",
    action: "Run `org-checklists list` for the ids; the docs pages are `/checklists/<id>`.",
  },
  ORG_CHECKLISTS_FILE: {
    meaning: "The generated pull-request template could not be read or written.",
    action: "Check that `.github/` exists and is writable, then run `org-checklists pr-template --write` again.",
  },
} as const satisfies Record<ChecklistNotFoundError["code"] | TemplateFileError["code"], ErrorCodeInfo>;
