// A TypeScript package built for NodeNext: the pool imports its defaults as `./defaults.js`, the name of what
// `tsc` emits, and this `.ts` file is that module's source. The pool arms its acquire timer with `this.timeout`
// only when set.
export default {
  timeout: 0, // expect: no-unbounded-timeout
};
