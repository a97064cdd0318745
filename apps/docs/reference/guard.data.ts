import { RULES } from "@org/guard";

// Generated at build time from @org/guard's rule metadata.
export default {
  load() {
    return Object.values(RULES);
  },
};
