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
