import { loadConfig } from "@org/config";

const { timeouts } = loadConfig({ env: process.env });

/**
 * The limit of a test that runs the built CLI or the commit hook in a child process, and of each such child
 * (`spawnSync`'s own `timeout`, so a hung child is killed and reported instead of hanging the suite: a synchronous
 * spawn blocks the worker, and vitest can only judge a test's time after it returns). Six test-profile budgets
 * (`timeouts.test`), the same on every machine: the largest of these children (parallel.test.ts's 240 files) takes
 * about 1.7 s of CPU, and its wall time is its CPU over its share of a core; at a load of 60 on two cores (the most
 * this shared machine has seen under eight full evals) that is about 51 s, and 6 x 20 s leaves twice that.
 */
export const BUILT_CLI_TIMEOUT = timeouts.test * 6;

/**
 * The limit of an in-process test that checks a generated worst-case input or the whole corpus (worst-case.test.ts,
 * doubling.test.ts, corpus.test.ts's pass over every file). Four test-profile budgets: the largest of them (the
 * 200,000-entry code table) takes about 1.4 s of CPU, which at a load of 60 on two cores (a core's thirtieth) is about
 * 42 s of wall time, past one budget (`timeouts.test`, 20 s in dev); 4 x 20 s leaves about twice that. What these tests
 * hold is a finding list or a count of work, never how long the check took.
 */
export const LARGE_INPUT_TIMEOUT = timeouts.test * 4;
