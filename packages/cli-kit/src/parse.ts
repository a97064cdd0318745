import { parseArgs } from "node:util";
import { CliUsageError } from "./errors.ts";
import { didYouMean } from "./suggest.ts";
import type { CliIo, CliSpec, CommandSpec, OptionSpec, OptionTable } from "./types.ts";

/** `--help` and `--version` exist everywhere; commands cannot redefine `-h` or `-v`. */
export const BUILTIN_OPTIONS = {
  help: { type: "boolean", short: "h", description: "Show this help" },
  version: { type: "boolean", short: "v", description: "Show the version" },
} as const satisfies OptionTable;

/** What the command line asks for. */
export type Parsed =
  | { kind: "help"; command?: string }
  | { kind: "version" }
  | { kind: "run"; command: string; values: Record<string, unknown>; args: string[] };

/** Parses `argv` against the CLI's option tables; throws {@link CliUsageError} for anything wrong. */
export function parseCommandLine(spec: CliSpec<CliIo>, argv: readonly string[]): Parsed {
  const commands = Object.keys(spec.commands);
  // One union table so every string option consumes its value wherever it stands;
  // each option is then checked against the command it was given to.
  const union: Record<string, OptionSpec> = { ...BUILTIN_OPTIONS };
  for (const command of Object.values(spec.commands)) Object.assign(union, command.options);
  const { tokens } = parseArgs({
    args: [...argv],
    options: Object.fromEntries(
      Object.entries(union).map(([name, o]) => [
        name,
        { type: o.type, ...(o.short === undefined ? {} : { short: o.short }) },
      ]),
    ),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const positionals = tokens.flatMap((t) => (t.kind === "positional" ? [t.value] : []));
  const options = tokens.flatMap((t) => (t.kind === "option" ? [t] : []));
  const [name, ...args] = positionals;
  const command = name === undefined ? undefined : spec.commands[name];

  if (options.some((t) => t.name === "help")) return { kind: "help", ...(command ? { command: name } : {}) };
  if (options.some((t) => t.name === "version")) return { kind: "version" };
  if (name === undefined) throw new CliUsageError(`missing command (${listOr(commands)})`);
  if (command === undefined) {
    throw new CliUsageError(`unknown command "${name}"${didYouMean(name, commands)}; commands: ${commands.join(", ")}`);
  }

  const table: OptionTable = command.options ?? {};
  const values: Record<string, unknown> = {};
  for (const [key, option] of Object.entries(table)) {
    values[key] = option.type === "boolean" ? false : option.multiple ? [] : option.default;
  }
  for (const token of options) {
    const option = table[token.name];
    if (option === undefined) throw misplacedOption(spec, name, token.rawName, token.name);
    if (option.type === "boolean") {
      if (token.value !== undefined) throw new CliUsageError(`${token.rawName} takes no value`);
      values[token.name] = true;
      continue;
    }
    const value = token.value;
    if (value === undefined || (!token.inlineValue && value.startsWith("-") && value !== "-")) {
      throw new CliUsageError(`${token.rawName} needs a value (${valueHint(token.name, option)})`);
    }
    if (option.choices && !option.choices.includes(value)) {
      throw new CliUsageError(
        `${token.rawName} must be one of ${option.choices.join(", ")} (got "${value}")${didYouMean(value, option.choices)}`,
      );
    }
    if (option.multiple) (values[token.name] as string[]).push(value);
    else values[token.name] = value;
  }
  checkArgs(name, command, args);
  return { kind: "run", command: name, values, args };
}

/** The usage-syntax placeholder of a string option's value. */
export function valueHint(name: string, option: OptionSpec): string {
  return option.valueName ? `<${option.valueName}>` : option.choices ? option.choices.join("|") : `<${name}>`;
}

function misplacedOption(spec: CliSpec<CliIo>, command: string, rawName: string, name: string): CliUsageError {
  const owners = Object.entries(spec.commands)
    .filter(([, c]) => c.options?.[name] !== undefined)
    .map(([n]) => n);
  if (owners.length > 0 && rawName.startsWith("--")) {
    return new CliUsageError(`${rawName} does not apply to ${command} (it is an option of ${listOr(owners)})`);
  }
  const known = Object.keys(spec.commands[command]?.options ?? {});
  return new CliUsageError(
    `unknown option ${rawName} for ${command}${rawName.startsWith("--") ? didYouMean(name, known, "--") : ""}`,
  );
}

/** Checks positionals against `args` syntax: `<x>` required, `[x]` optional, `...` repeats. */
function checkArgs(name: string, command: CommandSpec<OptionTable, CliIo>, args: readonly string[]): void {
  const slots = (command.args ?? "").split(/\s+/).filter(Boolean);
  const required = slots.filter((s) => s.startsWith("<"));
  const variadic = slots.some((s) => s.includes("..."));
  if (args.length < required.length) {
    throw new CliUsageError(`${name} needs ${required.slice(args.length).join(" ")}`);
  }
  if (!variadic && args.length > slots.length) {
    throw new CliUsageError(`unexpected argument "${args[slots.length]}" for ${name}`);
  }
}

function listOr(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}
