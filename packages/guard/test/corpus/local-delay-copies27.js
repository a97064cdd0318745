// JS `no-hardcoded-timeout`, session 27 (issue 9): a defaults table's delay copied into a local that is only the delay
// of a timer whose callback changes what is shown (floating-vue's `disposeTimeout: 150`: `const t =
// this.disposeTimeout; t !== null && (timer = setTimeout(() => { node && (detach(), this.isMounted = false) }, t))`).
// The popper's node is detached and a flag set: nothing waits. Kept: a local whose timer rejects a pending answer,
// one whose timer sets a flag saying the wait is over (`this.done = true`), one also handed to `fetch`, and one whose
// timer destroys a socket.
const defaults = {
  disposeTimeout: 150,
  answerTimeout: 300, // expect: no-hardcoded-timeout
  lockTimeout: 200, // expect: no-hardcoded-timeout
  requestTimeout: 5000, // expect: no-hardcoded-timeout
  closeTimeout: 400, // expect: no-hardcoded-timeout
};
function getDefault(key) {
  return defaults[key];
}
export const Popper = {
  props: {
    disposeTimeout: { type: Number, default: getDefault("disposeTimeout") },
  },
  methods: {
    hide() {
      clearTimeout(this.$_disposeTimer);
      const t = this.disposeTimeout;
      t !== null &&
        (this.$_disposeTimer = setTimeout(() => {
          this.$_popperNode && (this.$_detachPopperNode(), (this.isMounted = false));
        }, t));
    },
    fade() {
      const d = defaults.answerTimeout;
      setTimeout(() => {
        this.$_pending && this.$_pending.reject(new Error("faded"));
      }, d);
    },
    later() {
      const h = defaults.lockTimeout;
      setTimeout(() => {
        this.done = true;
      }, h);
    },
    load(url) {
      const r = defaults.requestTimeout;
      setTimeout(() => {
        this.isLoading = false;
      }, r);
      return fetch(url, { timeout: r });
    },
    close() {
      const c = defaults.closeTimeout;
      setTimeout(() => {
        this.socket && this.socket.destroy();
      }, c);
    },
    $_detachPopperNode() {
      this.$_popperNode.parentNode && this.$_popperNode.parentNode.removeChild(this.$_popperNode);
    },
  },
};
