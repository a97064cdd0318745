// JS `no-unbounded-timeout`, session 12 (issue 9): Cucumber documents -1 as switching its step and hook timeout off
// ("Disable timeouts by setting it to -1"), so `setDefaultTimeout(-1)` imported from it is a wait with no limit
// (nightwatch's Cucumber runner setup). Elsewhere a negative stays a sentinel: a browser's default timeout of -1 is no
// documented "no limit".
const { Before, setDefaultTimeout } = require("@cucumber/cucumber");

setDefaultTimeout(-1); // expect: no-unbounded-timeout

Before(function () {
  this.started = true;
});

async function openPage(browser) {
  const page = await browser.newPage();
  page.setDefaultTimeout(-1);
  return page;
}

module.exports = { openPage };
