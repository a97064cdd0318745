// A mock API's canned answer (typespec's Spector specs): the response's body is data the mock server sends back, and a
// `timeout` in it is a field of that data; nothing in this process waits on it.
import { json, passOnSuccess, type MockApiDefinition } from "@typespec/spec-api";

export const Scenarios: Record<string, MockApiDefinition> = {};

Scenarios.Client_DefaultValue_Put = passOnSuccess({
  uri: "/client/default-value/model",
  method: "put",
  request: { body: json({ name: "test" }) },
  response: {
    status: 200,
    body: json({ name: "test", timeout: 30, tier: "standard", retry: true }),
  },
  kind: "MockApiDefinition",
});

// The request the spec's client sends is judged as written: its options bound a real call.
export async function callSpec(url: string) {
  return fetch(url, { method: "PUT", signal: AbortSignal.timeout(30000) }); // expect: no-hardcoded-timeout
}

// A status given as text is not an HTTP response: the object is judged as usual.
export const settings = { status: "ready", body: { timeout: 30 } }; // expect: no-hardcoded-timeout
