import { CliUsageError } from "./errors.ts";
import { cliHelp, commandHelp } from "./help.ts";
import { parseCommandLine } from "./parse.ts";
import type { CliIo, CliSpec, CommandSpec, OptionTable } from "./types.ts";

/** A defined CLI: run it with an argv and an io, get the exit code. */
export interface Cli<Io extends CliIo = CliIo> {
  readonly spec: CliSpec<Io>;
  /**
   * Parses `argv` (without `node` and the script), runs the command and resolves to the exit code:
   * 0 ok, what the command returned, 2 for usage and internal errors. Never rejects; every
   * failure is one message on `io.stderr`, never a stack trace.
   */
  run(argv: readonly string[], io: Io): Promise<number>;
  /** The generated help: the whole CLI's, or one command's. */
  help(command?: string): string;
}

/**
 * Declares one subcommand; a pass-through that infers the option table's types for `run`.
 * @example command({ summary: "Show one", args: "<id>", options: { json: { type: "boolean", description: "JSON output" } }, run: ({ values, args, io }) => { ... } })
 */
export function command<const T extends OptionTable, Io extends CliIo = CliIo>(
  spec: CommandSpec<T, Io>,
): CommandSpec<T, Io> {
  return spec;
}

/**
 * Declares a CLI from its command list and option tables; parsing, help, `--version`,
 * usage errors and exit codes all come from this one object.
 */
export function defineCli<Io extends CliIo = CliIo>(spec: CliSpec<Io>): Cli<Io> {
  const loose = spec as unknown as CliSpec<CliIo>;
  return {
    spec,
    help: (name) => (name === undefined ? cliHelp(loose) : commandHelp(loose, name)),
    async run(argv, io) {
      let name: string | undefined;
      try {
        const parsed = parseCommandLine(loose, argv);
        if (parsed.kind === "help") {
          io.stdout(parsed.command === undefined ? cliHelp(loose) : commandHelp(loose, parsed.command));
          return 0;
        }
        if (parsed.kind === "version") {
          io.stdout(spec.version);
          return 0;
        }
        name = parsed.command;
        const code = await spec.commands[name]!.run({ values: parsed.values as never, args: parsed.args, io });
        return typeof code === "number" ? code : 0;
      } catch (error) {
        const { code, text } = describeFailure(spec, error, name);
        io.stderr(text);
        return code;
      }
    },
  };
}

/** The exit code and the one message for a thrown value (exported for CLIs that run outside `run`). */
export function describeFailure(
  spec: Pick<CliSpec<never>, "name" | "exitCodes">,
  error: unknown,
  command?: string,
): { code: number; text: string } {
  const message = error instanceof Error ? error.message : String(error);
  const errorCode = (error as { code?: unknown } | null)?.code;
  const mapped = typeof errorCode === "string" ? spec.exitCodes?.[errorCode] : undefined;
  if (error instanceof CliUsageError || mapped === "usage") {
    const helpFor = command === undefined ? spec.name : `${spec.name} ${command}`;
    return { code: 2, text: `${spec.name}: ${message}\nRun \`${helpFor} --help\` for usage.` };
  }
  if (typeof errorCode === "string" && errorCode.startsWith("ORG_")) {
    return { code: mapped ?? 2, text: `${spec.name}: ${message}` };
  }
  return { code: 2, text: `${spec.name}: internal error: ${message}` };
}
