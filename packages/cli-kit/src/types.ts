/** One row of a command's option table: it drives both parsing and the generated help. */
export interface OptionSpec {
  /** `boolean` flags take no value; `string` options take one (`--format json` or `--format=json`). */
  readonly type: "boolean" | "string";
  /** One-letter alias, without the dash. @example "h" */
  readonly short?: string;
  /** One line for the help text. */
  readonly description: string;
  /**
   * Placeholder shown in help for a string option's value.
   * @default the choices joined with `|`, else `value`
   * @example "path"
   */
  readonly valueName?: string;
  /** The only values a string option accepts; anything else is a usage error naming them. */
  readonly choices?: readonly string[];
  /** Value of a string option when it is not given (shown in help). */
  readonly default?: string;
  /**
   * A string option may be repeated; its value is then an array.
   * @default false
   */
  readonly multiple?: boolean;
}

/** A command's options, keyed by long name (`staged` for `--staged`). */
export type OptionTable = Readonly<Record<string, OptionSpec>>;

/** The parsed values of an option table: booleans are `true`/`false`, strings their value. */
export type OptionValues<T extends OptionTable> = {
  -readonly [K in keyof T]: T[K] extends { type: "boolean" }
    ? boolean
    : T[K] extends { multiple: true }
      ? string[]
      : T[K] extends { default: string }
        ? string
        : string | undefined;
};

/** Where a command writes; each call is one line or block (the kit adds no newline handling). */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** What a command's `run` receives. */
export interface CommandInput<T extends OptionTable, Io extends CliIo> {
  /** Parsed options, defaults applied. */
  readonly values: OptionValues<T>;
  /** Positional arguments after the command name, checked against `args`. */
  readonly args: readonly string[];
  /** The io (and whatever context) the caller passed to `run`. */
  readonly io: Io;
}

/** One subcommand. Create with {@link command} so its option types are inferred. */
export interface CommandSpec<T extends OptionTable = OptionTable, Io extends CliIo = CliIo> {
  /** One line for the command list. */
  readonly summary: string;
  /**
   * Positional arguments in usage syntax: `<id>` required, `[path]` optional, `...` repeats.
   * Anything beyond them is a usage error.
   * @example "[paths...]"
   */
  readonly args?: string;
  /** Extra paragraphs for `<cli> <command> --help`. */
  readonly description?: string;
  /** This command's options (`--help` is always added). */
  readonly options?: T;
  /**
   * Does the work. Returns the exit code (nothing means 0); throw a coded error to fail,
   * or {@link CliUsageError} for a usage problem the parser could not see.
   */
  run(input: CommandInput<T, Io>): number | void | Promise<number | void>;
}

/** How an error's `code` maps to an exit code: a number, or `"usage"` (exit 2 with the help hint). */
export type ExitCodeTable = Readonly<Record<string, number | "usage">>;

/** The whole CLI. */
export interface CliSpec<Io extends CliIo = CliIo> {
  /** The bin name, used in usage lines and error prefixes. @example "org-guard" */
  readonly name: string;
  /** Printed by `--version` / `-v`. */
  readonly version: string;
  /** One or two sentences under the usage line. */
  readonly summary: string;
  readonly commands: Readonly<Record<string, CommandSpec<any, Io>>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- each command infers its own table
  /** Lines after the options in the top-level help, for example the exit codes and examples. */
  readonly footer?: string;
  /**
   * Exit code for errors carrying a `code`; coded errors not listed exit 2 with their message,
   * errors without a code exit 2 as an internal error. Never a stack trace.
   * @example { ORG_CONFIG_INVALID: 1, ORG_GUARD_USAGE: "usage" }
   */
  readonly exitCodes?: ExitCodeTable;
}
