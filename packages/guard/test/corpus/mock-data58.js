// JS `no-hardcoded-timeout`, session 58 (issue 9), from blind set fresh298 (@camunda/c4-connectors'
// `outbound-connectors.mock.js`): a literal kept under a name that says it is a double's data (`MOCK_CONNECTORS`,
// `mockResponse`, `FAKE_USER`) is canned data: rows a mock API answers with, shown in a table. Nothing waits on
// its numbers. The same rows under a plain name stay reported.
const MOCK_CONNECTORS = [
  { name: "AWS Lambda", type: "io.camunda:aws-lambda:1", timeout: 30000 },
  { name: "GitHub", type: "io.camunda:github:1", timeout: 60000 },
];
const mockResponse = { status: 200, config: { timeout: 5000 } };
const CONNECTORS = [
  { name: "REST API", type: "io.camunda:http-json:2", timeout: 90000 }, // expect: no-hardcoded-timeout
];

export function listConnectors() {
  return MOCK_CONNECTORS.map((connector) => ({ ...connector, label: connector.name }));
}

export function lastResponse() {
  return mockResponse;
}

export function connectors() {
  return CONNECTORS;
}
