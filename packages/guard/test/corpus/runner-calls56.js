// JS `no-hardcoded-timeout`, session 56 (issue 9): a method named like a test runner is no runner. zod's
// `.describe("...")` in a bundled SDK (@pioneer-platform/pioneer-sdk, fresh281) made the file a test file, and its
// fetches' abort signals, with an `AbortError` handled beside them, a test's scripted aborts.
const NetworkSummarySchema = z.object({
  color: z.string().describe("REQUIRED: Network color for UI theming - must be hex color"),
});

async function portfolio(baseUrl) {
  try {
    const response = await fetch(`${baseUrl}/api/portfolio`, {
      method: "GET",
      signal: AbortSignal.timeout(2000), // expect: no-hardcoded-timeout
    });
    return NetworkSummarySchema.parse(await response.json());
  } catch (error) {
    if (error.name === "AbortError") return null;
    throw error;
  }
}

module.exports = { portfolio };
