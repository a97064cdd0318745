import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// Tests that replace the HTTP layer for their whole body (session 36, issue 9): respx (bimmer_connected's
// `bmw_fixture: respx.Router`, fresh89) and requests-mock (podman's `@requests_mock.Mocker()` unit tests, fresh91).
// A request in them reaches the mock: httpx's default is no bound, and a timeout handed to code under test bounds no wait.

describe("httpx requests of a test that respx answers", () => {
  const test = (signature: string, decorator = "") =>
    [
      "import httpx",
      "import pytest",
      "import respx",
      "",
      ...(decorator ? [decorator] : []),
      `def test_client_async_only(${signature}):`,
      "    with httpx.Client() as client, pytest.raises(RuntimeError):",
      '        client.get("https://example.test/oauth/config")',
    ].join("\n");

  it("reports no httpx default when the test takes a respx router or respx_mock, or is decorated", async () => {
    expect(await findingLines("test_router.py", test("bmw_fixture: respx.Router"))).toEqual([]);
    expect(await findingLines("test_fixture.py", test("respx_mock"))).toEqual([]);
    expect(await findingLines("test_decorated.py", test("", "@respx.mock"))).toEqual([]);
  });

  it("still reports httpx's default in a test respx does not install", async () => {
    expect(await findingLines("test_plain.py", test("tmp_path"))).toEqual(["7: no-hardcoded-timeout"]);
  });
});

describe("code under test in a test that requests-mock answers", () => {
  const test = (decorator: string, signature = "self, mock", classDecorator = "") =>
    [
      "import unittest",
      "import requests_mock",
      "",
      ...(classDecorator ? [classDecorator] : []),
      "class ContainerTest(unittest.TestCase):",
      ...(decorator ? [`    ${decorator}`] : []),
      `    def test_restart(${signature}):`,
      "        container = Container(attrs=FIRST, client=self.client.api)",
      "        container.restart(timeout=10)",
    ].join("\n");

  it("reports no timeout handed to code under test when the test, its class or its fixture installs the mock", async () => {
    expect(await findingLines("test_mocker.py", test("@requests_mock.Mocker()"))).toEqual([]);
    expect(await findingLines("test_mock.py", test("@requests_mock.mock()"))).toEqual([]);
    expect(await findingLines("test_class.py", test("", "self, m", "@requests_mock.Mocker()"))).toEqual([]);
    expect(await findingLines("test_fixture.py", test("", "self, requests_mock"))).toEqual([]);
  });

  it("still reports it in a test that installs no mock", async () => {
    expect(await findingLines("test_plain.py", test("", "self"))).toEqual(["7: no-hardcoded-timeout"]);
  });
});

describe("a test class whose fixture patches the HTTP layer (stripe's test_http_client.py, fresh111)", () => {
  const file = (fixture: string) =>
    [
      "import pytest",
      "import stripe",
      "",
      "class StripeClientTestCase(object):",
      '    REQUEST_LIBRARIES = ["requests", "pycurl"]',
      "",
      "    @pytest.fixture",
      "    def request_mocks(self, mocker):",
      "        request_mocks = {}",
      "        for lib in self.REQUEST_LIBRARIES:",
      `            request_mocks[lib] = ${fixture}`,
      "        return request_mocks",
      "",
      "class TestRequestsClient(StripeClientTestCase):",
      "    def make_request(self, method, url, timeout=80):",
      "        client = stripe.http_client.RequestsClient(timeout=timeout)",
      "        return client.request_with_retries(method, url)",
      "",
      "    def test_timeout(self, request_mocks):",
      '        self.make_request("POST", "https://api.example.test", timeout=5)',
      "",
      "def make_client():",
      "    return stripe.http_client.RequestsClient(timeout=80)",
    ].join("\n");

  it("reports neither the helper's default nor the test's timeout when a base class's fixture patches the HTTP layer", async () => {
    expect(await findingLines("test_http_client.py", file('mocker.patch("stripe.http_client.%s" % (lib,))'))).toEqual([
      "23: no-hardcoded-timeout",
    ]);
  });

  it("still reports them when the fixture patches something else", async () => {
    expect(await findingLines("test_http_client.py", file('mocker.patch("stripe.util.%s" % (lib,))'))).toEqual([
      "15: no-hardcoded-timeout",
      "20: no-hardcoded-timeout",
      "23: no-hardcoded-timeout",
    ]);
  });
});
