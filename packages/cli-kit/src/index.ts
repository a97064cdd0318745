export { command, defineCli, describeFailure, type Cli } from "./cli.ts";
export { CodedError } from "./coded-error.ts";
export { CliUsageError } from "./errors.ts";
export { packageVersion, processIo, runMain } from "./main.ts";
export { closest } from "./suggest.ts";
export type {
  CliIo,
  CliSpec,
  CommandInput,
  CommandSpec,
  ExitCodeTable,
  OptionSpec,
  OptionTable,
  OptionValues,
} from "./types.ts";
export { CLI_ERROR_CODES, type ErrorCodeInfo } from "./error-codes.ts";
