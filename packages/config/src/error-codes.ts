import type { ConfigError } from "./errors.ts";

/** What an error code means and what to do about it; the docs' troubleshooting page is generated from these. */
export interface ErrorCodeInfo {
  meaning: string;
  action: string;
}

/** Every `code` a `ConfigError` carries. */
export const CONFIG_ERROR_CODES = {
  ORG_CONFIG_INVALID: {
    meaning:
      "The configuration could not be loaded: a value from an environment variable, the config file or a profile is missing, malformed or out of range. `issues` lists every problem at once, each with its source.",
    action:
      "Fix each value at the source the message names (the variable, or the file and JSON path). `org-config validate` checks a deployment; `org-config schema` lists every setting and its allowed values.",
  },
} as const satisfies Record<ConfigError["code"], ErrorCodeInfo>;
