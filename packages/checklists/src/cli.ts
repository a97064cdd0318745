import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { CliUsageError, command, defineCli, type CliIo } from "@org/cli-kit";
import { CHECKLISTS, getChecklist } from "./checklists.ts";
import { TemplateFileError } from "./errors.ts";
import { PULL_REQUEST_TEMPLATE_PATH, pullRequestTemplate, toMarkdown } from "./markdown.ts";

export interface ChecklistsIo extends CliIo {
  /** Where `pr-template --write/--check` resolve the template path. */
  cwd: string;
}

/** `org-checklists`: the review checklists, and the pull-request template generated from them. */
export function checklistsCli(version: string) {
  return defineCli<ChecklistsIo>({
    name: "org-checklists",
    version,
    summary: "The review checklists for AI-assisted code, and the pull-request template generated from them.",
    footer: "Exit codes: 0 ok, 1 template out of date, 2 usage or internal error.",
    exitCodes: { ORG_CHECKLISTS_NOT_FOUND: "usage" },
    commands: {
      list: command({
        summary: "List the checklists",
        run({ io }) {
          for (const c of CHECKLISTS) io.stdout(`${c.id.padEnd(20)} ${c.title} (${c.items.length} items)`);
        },
      }),
      show: command({
        summary: "Print a checklist as Markdown",
        args: "<id>",
        run({ args, io }) {
          io.stdout(toMarkdown(getChecklist(args[0]!)));
        },
      }),
      "pr-template": command({
        summary: `Print the pull-request template (${PULL_REQUEST_TEMPLATE_PATH})`,
        options: {
          write: { type: "boolean", description: `Write it to ${PULL_REQUEST_TEMPLATE_PATH}` },
          check: {
            type: "boolean",
            description: `Exit 1 if ${PULL_REQUEST_TEMPLATE_PATH} differs from the generated one`,
          },
        },
        run({ values, io }) {
          if (values.write && values.check) throw new CliUsageError("--write and --check cannot be combined");
          const path = resolve(io.cwd, PULL_REQUEST_TEMPLATE_PATH);
          const expected = `${pullRequestTemplate()}\n`;
          if (values.check) {
            if (readIfExists(path) === expected) return 0;
            io.stderr(
              `${PULL_REQUEST_TEMPLATE_PATH} is out of date: run \`org-checklists pr-template --write\` and commit it.`,
            );
            return 1;
          }
          if (!values.write) {
            io.stdout(expected);
            return 0;
          }
          try {
            mkdirSync(dirname(path), { recursive: true });
            writeFileSync(path, expected);
          } catch (error) {
            throw new TemplateFileError(`cannot write ${path}: ${(error as Error).message}`, { cause: error });
          }
          io.stdout(`wrote ${PULL_REQUEST_TEMPLATE_PATH}`);
          return 0;
        },
      }),
    },
  });
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined; // missing counts as different
    throw new TemplateFileError(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
}
