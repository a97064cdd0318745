import type { TestProject } from "vitest/node";
import { postgresBin, startPostgres } from "../src/testing/postgres.ts";
import { pytestVenv } from "./support/python.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Admin URL of the test PostgreSQL server, or "" when there is none (never under CI=true). */
    pgUrl: string;
    /** The python of a virtualenv with pytest, or "" when there is none (never under CI=true). */
    python: string;
  }
}

/**
 * Once per test run: a throwaway PostgreSQL cluster (or ORG_FLAKY_TEST_PG_URL) and a virtualenv with
 * pytest. Under CI=true a missing one fails the run; elsewhere its suites skip with a message.
 */
export default async function setup(project: TestProject) {
  const ci = Boolean(process.env.CI);
  let stop = () => {};
  let pgUrl = process.env.ORG_FLAKY_TEST_PG_URL ?? "";
  if (!pgUrl) {
    if (postgresBin() || ci) {
      const pg = await startPostgres();
      pgUrl = pg.url;
      stop = pg.stop;
    } else console.warn("\n  PostgreSQL tests SKIPPED: no server binaries (apt-get install postgresql)\n");
  }
  let python = "";
  try {
    python = pytestVenv();
  } catch (error) {
    if (ci) throw error;
    console.warn(`\n  pytest fixtures SKIPPED: ${(error as Error).message}\n`);
  }
  project.provide("pgUrl", pgUrl);
  project.provide("python", python);
  return () => stop();
}
