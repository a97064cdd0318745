import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { CHECKLISTS, getChecklist } from "./checklists.ts";
import { PULL_REQUEST_TEMPLATE_PATH, pullRequestTemplate, toMarkdown } from "./markdown.ts";

export const HELP = `Usage: org-checklists <command> [options]

Commands:
  list                    List the checklists
  show <id>               Print a checklist as Markdown
  pr-template [--write]   Print the pull-request template, or write ${PULL_REQUEST_TEMPLATE_PATH}
  pr-template --check     Exit 1 if ${PULL_REQUEST_TEMPLATE_PATH} differs from the generated one

Exit codes: 0 ok, 1 template out of date, 2 usage error.`;

export interface ChecklistsIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Runs `org-checklists`; returns the exit code. */
export function runChecklistsCli(argv: readonly string[], io: ChecklistsIo): number {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { write: { type: "boolean" }, check: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    });
    const [command, id] = positionals;
    if (values.help) {
      io.stdout(HELP);
      return 0;
    }
    if (command === "list") {
      for (const c of CHECKLISTS) io.stdout(`${c.id.padEnd(20)} ${c.title} (${c.items.length} items)`);
      return 0;
    }
    if (command === "show" && id) {
      io.stdout(toMarkdown(getChecklist(id)));
      return 0;
    }
    if (command === "pr-template") {
      const path = resolve(io.cwd, PULL_REQUEST_TEMPLATE_PATH);
      const expected = `${pullRequestTemplate()}\n`;
      if (values.check) {
        let actual = "";
        try {
          actual = readFileSync(path, "utf8");
        } catch {
          // missing counts as different
        }
        if (actual === expected) return 0;
        io.stderr(
          `${PULL_REQUEST_TEMPLATE_PATH} is out of date: run \`org-checklists pr-template --write\` and commit it.`,
        );
        return 1;
      }
      if (values.write) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, expected);
        io.stdout(`wrote ${PULL_REQUEST_TEMPLATE_PATH}`);
        return 0;
      }
      io.stdout(expected);
      return 0;
    }
    io.stderr(
      `org-checklists: ${command ? `unknown command "${command}"` : "missing command"}\nRun \`org-checklists --help\` for usage.`,
    );
    return 2;
  } catch (error) {
    io.stderr(`org-checklists: ${(error as Error).message}\nRun \`org-checklists --help\` for usage.`);
    return 2;
  }
}
