// Effect's `Effect.timeout(duration)` (issue 9, session 17 JS recall): piped or data-first, a number is the time in
// milliseconds after which the effect is interrupted. `expect:` marks each line that must be flagged.
import { Effect, Runtime } from "effect";

export const interrupt = (send: Effect.Effect<void>, runtime: Runtime.Runtime<never>) =>
  send.pipe(
    Effect.timeout(1000), // expect: no-hardcoded-timeout
    Runtime.runFork(runtime),
  );

export const fetchOnce = (task: Effect.Effect<string>) => Effect.timeout(task, 2000); // expect: no-hardcoded-timeout

export const maybe = (task: Effect.Effect<string>) => task.pipe(Effect.timeoutOption(750)); // expect: no-hardcoded-timeout
