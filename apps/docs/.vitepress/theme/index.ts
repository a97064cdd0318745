import DefaultTheme from "vitepress/theme";
import type { Theme } from "vitepress";
import Checklist from "./Checklist.vue";
import "./custom.css";

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component("Checklist", Checklist);
  },
} satisfies Theme;
