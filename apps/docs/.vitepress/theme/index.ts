// Without the bundled Inter web fonts (about 140 KiB gzip per first load): system fonts render at once.
import DefaultTheme from "vitepress/theme-without-fonts";
import type { Theme } from "vitepress";
import Checklist from "./Checklist.vue";
import "./custom.css";

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component("Checklist", Checklist);
  },
} satisfies Theme;
