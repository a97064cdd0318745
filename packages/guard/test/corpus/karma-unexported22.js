// The same key handed to the `set` of an object that is no exported config function's parameter: its 0 is that
// store's business (here a settings table nobody arms a timer from).
export function remember(store) {
  store.set({ browserNoActivityTimeout: 0 });
}
