import { describe, expect, it } from "vitest";
import { packageFindings } from "./helpers.ts";

// A deadline applied only when one is given, the same operation awaited without one otherwise (ppadb, fresh100): a
// None given reaches the unbounded `else`. A test with no such `else` (nothing waits on None) stays released.

const connection = (otherwise: string[]) =>
  [
    "import asyncio",
    "class ConnectionAsync:",
    "    def __init__(self, host='localhost', port=5037, timeout=None):",
    "        self.host = host",
    "        self.port = int(port)",
    "        self.timeout = timeout",
    "    async def connect(self):",
    "        if self.timeout:",
    "            self.reader, self.writer = await asyncio.wait_for(asyncio.open_connection(self.host, self.port), self.timeout)",
    ...otherwise,
    "        return self",
  ].join("\n");

const client = [
  "from ppadb.connection_async import ConnectionAsync",
  "class ClientAsync:",
  "    def __init__(self, host='127.0.0.1', port=5037):",
  "        self.host = host",
  "        self.port = port",
  "    async def create_connection(self, timeout=None):",
  "        conn = ConnectionAsync(self.host, self.port, timeout)",
  "        await conn.connect()",
  "        return conn",
].join("\n");

describe("a deadline only when given, the same wait unbounded otherwise", () => {
  it("reports the None a caller hands to an object that awaits without a limit when it is None", async () => {
    const files = {
      "ppadb/connection_async.py": connection([
        "        else:",
        "            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)",
      ]),
      "ppadb/client_async.py": client,
    };
    expect(await packageFindings(files)).toEqual([
      "ppadb/client_async.py:6: no-unbounded-timeout",
      "ppadb/connection_async.py:3: no-unbounded-timeout",
    ]);
  });

  it("releases the None when nothing runs without the deadline", async () => {
    const files = {
      "ppadb/connection_async.py": connection([]),
      "ppadb/client_async.py": client,
    };
    expect(await packageFindings(files)).toEqual([]);
  });
});
