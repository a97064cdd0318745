// JS `no-hardcoded-timeout`, session 60 (issue 9), from blind set fresh333 (@azure/rest-api-specs-scripts):
// mocha-typescript's and testdeck's `@timeout(ms)` decorator sets the test's (or suite's) Mocha timeout, as
// `this.timeout(ms)` does; a framework's other decorators (NestJS's `@Timeout(5000)`, a one-shot job) are not waits.
import { suite, test, timeout } from "mocha-typescript";
import { timeout as deckTimeout } from "@testdeck/mocha";
import { Timeout } from "@nestjs/schedule";

@suite
export class LintDiffTest {
  @test
  @timeout(60000) // expect: no-hardcoded-timeout
  async getLinterResult() {
    await runLinter();
  }

  @test
  @deckTimeout(100000) // expect: no-hardcoded-timeout
  async lintDiff() {
    await runLinter();
  }

  @test
  @timeout(0) // expect: no-unbounded-timeout
  async debugOnly() {
    await runLinter();
  }
}

export class Jobs {
  @Timeout(5000)
  warmUp() {
    return runLinter();
  }
}

async function runLinter() {
  return "ok";
}
