// JS `no-unbounded-timeout`, session 22 (issue 9): Playwright's `test.describe.configure({ timeout: 0 })` switches the
// test timeout off whatever the test object is called (playwright-decorators' preview preset names it `playwright`).
// A `configure({ timeout: 0 })` of any other object is its own business and is not reported.
const { default: playwright } = require("@playwright/test");
const settings = require("./settings");

function previewPreset() {
  playwright.describe.configure({ timeout: 0 }); // expect: no-unbounded-timeout
  playwright.use({ headless: false });
}

settings.configure({ timeout: 0 });

module.exports = { previewPreset };
