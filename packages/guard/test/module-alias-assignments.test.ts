import { describe, expect, it } from "vitest";
import { packageFindings } from "./helpers.ts";

// A library module a package's own module binds to another name by assignment (session 35, issue 9): snitun's
// `snitun/utils/asyncio.py` has `import asyncio` and `asyncio_timeout = asyncio`, and its other modules write
// `from ..utils.asyncio import asyncio_timeout` then `async with asyncio_timeout.timeout(5):`, asyncio's own timeout
// (8 labelled misses). A name the module binds to anything but an imported module stays its own.

const utils = ["import asyncio", "", "asyncio_timeout = asyncio", "", "def helper():", "    return 1"].join("\n");

describe("a module bound to another name in the package's own module", () => {
  it("reads asyncio_timeout.timeout(5) as asyncio.timeout(5) through a relative import", async () => {
    const channel = [
      "from ..utils.asyncio import asyncio_timeout",
      "",
      "async def put(queue, item):",
      "    async with asyncio_timeout.timeout(5):",
      "        await queue.put(item)",
      "",
      "async def bounded(queue, item, config):",
      "    async with asyncio_timeout.timeout(config.timeout_s):",
      "        await queue.put(item)",
    ].join("\n");
    expect(
      await packageFindings({ "snitun/utils/asyncio.py": utils, "snitun/multiplexer/channel.py": channel }),
    ).toEqual(["snitun/multiplexer/channel.py:4: no-hardcoded-timeout"]);
  });

  it("leaves a name bound to something that is not an imported module", async () => {
    const own = [
      "import asyncio",
      "",
      "class Timer:",
      "    def timeout(self, s):",
      "        return s",
      "",
      "asyncio_timeout = Timer()",
    ];
    const user = [
      "from ..utils.asyncio import asyncio_timeout",
      "",
      "def pace():",
      "    return asyncio_timeout.timeout(5)",
    ];
    expect(
      await packageFindings({ "pkg/utils/asyncio.py": own.join("\n"), "pkg/multiplexer/channel.py": user.join("\n") }),
    ).toEqual([]);
  });

  it("reads a callee that is a call chain over several lines off a relative import without failing", async () => {
    // sqlalchemy's `util.immutabledict({...}).union(...)` after `from .. import util`: an expression, not a dotted path.
    const util = ["import collections", "", "immutabledict = dict"].join("\n");
    const session = [
      "from .. import util",
      "",
      "def execute(self, statement, timeout=None):",
      "    options = util.immutabledict(",
      "        {k: v for k, v in self.execution_options.items()}",
      "    ).union(statement.options)",
      "    return self.connection.execute(statement, options, timeout=timeout)",
    ].join("\n");
    expect(await packageFindings({ "sa/util/__init__.py": util, "sa/orm/session.py": session })).toEqual([]);
  });
});
