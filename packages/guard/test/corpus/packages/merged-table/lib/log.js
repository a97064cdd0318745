// Not a table anyone merges: its `timeout: 0` is another object's, whatever the client reads.
const state = {
  timeout: 0,
};

exports.log = (...args) => {
  if (state.timeout > 0) setTimeout(() => console.log(...args), state.timeout);
};
