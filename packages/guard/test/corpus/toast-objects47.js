// JS `no-hardcoded-timeout`, session 47 (issue 9): how long a toast shows, given to a toast object's method
// (vue-toastification's `this.$toast.error(message, { timeout: 10000 })` in @mongoosejs/studio) or to a toast plugin
// (`app.use(Toast, { position: "bottom-right", timeout: 3000 })`), is a display duration: nothing waits on it. A
// request's options beside it stay reported.
import Toast, { useToast } from "vue-toastification";
import axios from "axios";

export function install(app) {
  app.use(Toast, { position: "bottom-right", timeout: 3000 });
  return useToast();
}

export const component = {
  errorCaptured(err) {
    this.$toast.error(`Error: ${err.message}`, {
      timeout: 10000,
    });
  },
  async load(toast) {
    const res = await axios.get("/api/model", { timeout: 5000 }); // expect: no-hardcoded-timeout
    toast.success("Loaded", { timeout: 2000 });
    return res.data;
  },
};
