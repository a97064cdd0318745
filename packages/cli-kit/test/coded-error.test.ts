import { describe, expect, it } from "vitest";
import { CodedError } from "../src/coded-error.ts";
import { CliUsageError } from "../src/index.ts";

describe("CodedError", () => {
  it("keeps the code, the message and the cause it was given", () => {
    const cause = new Error("socket closed");
    const error = new CodedError("ORG_X_INPUT", "bad input; fix it and retry", { cause });
    expect(error).toBeInstanceOf(Error);
    expect([error.code, error.message, error.cause]).toEqual(["ORG_X_INPUT", "bad input; fix it and retry", cause]);
  });

  it("has no cause property at all when none was given", () => {
    expect(Object.hasOwn(new CodedError("ORG_X_INPUT", "m"), "cause")).toBe(false);
  });

  it("is the base of the CLI's usage error, whose code is fixed", () => {
    const error = new CliUsageError("missing command");
    expect(error).toBeInstanceOf(CodedError);
    expect([error.name, error.code]).toEqual(["CliUsageError", "ORG_CLI_USAGE"]);
  });
});
