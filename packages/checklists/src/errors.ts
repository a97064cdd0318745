/** No checklist has this id; `known` lists the ones that exist. */
export class ChecklistNotFoundError extends Error {
  override readonly name = "ChecklistNotFoundError";
  readonly code = "ORG_CHECKLISTS_NOT_FOUND";

  constructor(
    readonly id: string,
    readonly known: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(`unknown checklist "${id}"; run \`org-checklists list\` to see them (${known.join(", ")})`, options);
  }
}

/** The generated pull-request template could not be read or written. */
export class TemplateFileError extends Error {
  override readonly name = "TemplateFileError";
  readonly code = "ORG_CHECKLISTS_FILE";
}
