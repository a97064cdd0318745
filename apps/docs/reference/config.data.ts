import { configReference } from "@org/config";

// Generated at build time from @org/config's schema: a change in the code changes this page.
export default {
  load() {
    return configReference();
  },
};
