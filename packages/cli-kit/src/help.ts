import { BUILTIN_OPTIONS, valueHint } from "./parse.ts";
import type { CliIo, CliSpec, OptionTable } from "./types.ts";

/** The top-level help, generated from the command list and the option tables. */
export function cliHelp(spec: CliSpec<CliIo>): string {
  const commands = Object.entries(spec.commands).map(([name, c]): [string, string] => [
    c.args ? `${name} ${c.args}` : name,
    c.summary,
  ]);
  return [
    `Usage: ${spec.name} <command> [options]`,
    "",
    spec.summary,
    "",
    "Commands:",
    ...columns(commands),
    "",
    "Options:",
    ...columns(optionRows(BUILTIN_OPTIONS)),
    "",
    `Run \`${spec.name} <command> --help\` for a command's options.`,
    ...(spec.footer ? ["", spec.footer] : []),
  ].join("\n");
}

/** The help of one command: its usage line, description and options. */
export function commandHelp(spec: CliSpec<CliIo>, name: string): string {
  const command = spec.commands[name];
  if (command === undefined) return cliHelp(spec);
  return [
    `Usage: ${spec.name} ${name}${command.args ? ` ${command.args}` : ""} [options]`,
    "",
    command.summary,
    ...(command.description ? ["", command.description] : []),
    "",
    "Options:",
    ...columns([...optionRows(command.options ?? {}), ...optionRows({ help: BUILTIN_OPTIONS.help })]),
  ].join("\n");
}

function optionRows(table: OptionTable): [string, string][] {
  return Object.entries(table).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : "    "}--${name}${o.type === "string" ? ` ${valueHint(name, o)}` : ""}`;
    const suffix = [o.default === undefined ? "" : `default: ${o.default}`, o.multiple ? "repeatable" : ""]
      .filter(Boolean)
      .join("; ");
    return [flag, suffix ? `${o.description} (${suffix})` : o.description];
  });
}

function columns(rows: readonly [string, string][]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`.trimEnd());
}
