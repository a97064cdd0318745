// A suite object nobody shows to be mocha's (a benchmark library's, say): its `timeout(0)` is its own business.


/**
 * @param {Benchmark.Suite} suite The benchmarks to run.
 */
export function run(suite) {
  suite.timeout(0);
}
