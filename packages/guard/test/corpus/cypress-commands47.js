// JS `no-hardcoded-timeout`, session 47 (issue 9): a Cypress test looks synchronous (no `await`, no `done`), but its
// `cy.*` commands are queued and run by Cypress after the test function returns, each waiting up to its `timeout`
// (strapi-plugin-email-designer's e2e tests): the option bounds a wait. mocha-webdriver-runner's `MAGIC_TIMEOUT` is a
// placeholder the runner later finds and replaces by the configured timeout: no duration.
export const MAGIC_TIMEOUT = 312345678;

describe("Strapi Login flow", () => {
  it("visit the Strapi admin panel", () => {
    cy.visit(Cypress.env("adminUrl"));
    cy.get("form", { timeout: 10000 }).should("be.visible"); // expect: no-hardcoded-timeout
  });

  it("Enter to the plugin Home Page", () => {
    cy.contains("Email designer", { timeout: 10000 }).click(); // expect: no-hardcoded-timeout
  });
});

// A test that only builds options and compares them waits for nothing.
it("keeps the timeout", () => {
  const options = { timeout: 1000 };
  expect(options.timeout).toBe(1000);
});
