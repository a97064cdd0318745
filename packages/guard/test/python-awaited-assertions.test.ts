import { describe, expect, it } from "vitest";
import { packageFindings } from "./helpers.ts";

// A comparing assertion compares, nothing in it waits; but a coroutine awaited inside one runs to its end, or to its
// timeout, before anything is compared (debusine's channels test, fresh107).

describe("awaited calls inside assertions", () => {
  it("reports a timeout handed to a call awaited inside an assertion, not one of a call only compared", async () => {
    const test = [
      "from django.test import TestCase",
      "class WorkerConsumerTests(TestCase):",
      "    async def test_connects(self):",
      "        communicator = await self.connect()",
      "        self.assertEqual(",
      "            await communicator.receive_json_from(timeout=3),",
      "            {'text': 'connected'},",
      "        )",
      "        assert await communicator.receive_nothing(timeout=2) is True",
      "    def test_configures(self):",
      "        self.assertEqual(self.client.settings(timeout=7), {'timeout': 7})",
    ].join("\n");
    expect(await packageFindings({ "server/tests/test_consumers.py": test })).toEqual([
      "server/tests/test_consumers.py:6: no-hardcoded-timeout",
      "server/tests/test_consumers.py:9: no-hardcoded-timeout",
    ]);
  });
});
