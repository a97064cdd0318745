// JS `no-hardcoded-timeout`, session 65 (issue 9), from the session's blind sets: @api-platform/client-generator's
// Vue templates (fresh421) keep a snackbar's state in a Vuex module, `{ show: false, color: "error", text: "An error
// occurred", subText: "", timeout: 6000 }`: a severity as its color and a text to show, so `timeout` is how long the
// snackbar stays on screen. A color that is no severity (a chart's series) keeps its timeout judged.
export default {
  namespaced: true,
  state: () => ({
    show: false,
    color: "error",
    text: "An error occurred",
    subText: "",
    timeout: 6000,
  }),
};

export const series = { color: "#3366cc", label: "Latency", timeout: 6000 }; // expect: no-hardcoded-timeout
