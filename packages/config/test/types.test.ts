import { describe, expectTypeOf, it } from "vitest";
import type { ConfigError, ConfigIssue, Environment, LoadConfigOptions, OrgConfig, Region } from "../src/index.ts";
import { config, loadConfig } from "../src/index.ts";

describe("public types", () => {
  it("config.ENV is the union of environments", () => {
    expectTypeOf(config.ENV).toEqualTypeOf<"dev" | "staging" | "prod">();
    expectTypeOf<Environment>().toEqualTypeOf<"dev" | "staging" | "prod">();
  });

  it("config is deeply readonly", () => {
    expectTypeOf(config).toEqualTypeOf<OrgConfig>();
    // Never called: the compiler (the package's typecheck) must refuse each write.
    const writes = () => {
      // @ts-expect-error -- readonly
      config.TIMEOUT = 1;
      // @ts-expect-error -- readonly
      config.timeouts.call = 1;
      // @ts-expect-error -- readonly array
      config.regions.push({} as Region);
      // @ts-expect-error -- readonly
      config.regions[0]!.clusters[0]!.url = "";
    };
    expectTypeOf(writes).toBeFunction();
    expectTypeOf(config.regions[0]!.clusters[0]!.mode).toEqualTypeOf<"standalone" | "cluster">();
  });

  it("options and errors are typed", () => {
    expectTypeOf(loadConfig).parameter(0).toEqualTypeOf<LoadConfigOptions | undefined>();
    expectTypeOf<LoadConfigOptions["env"]>().toEqualTypeOf<Readonly<Record<string, string | undefined>> | undefined>();
    expectTypeOf<ConfigError["issues"]>().toEqualTypeOf<readonly ConfigIssue[]>();
    expectTypeOf<ConfigError["code"]>().toEqualTypeOf<"ORG_CONFIG_INVALID">();
  });
});
