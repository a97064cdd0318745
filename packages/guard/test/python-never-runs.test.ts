import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// Code below a function's opening unconditional `raise` never runs: its timeouts bound nothing.
describe("Python: a function that raises as its first statement", () => {
  const lines = (body: string[]) =>
    [
      "import trio",
      "",
      "async def endless(req):",
      '    """Simulates an endless stream."""',
      ...body,
      "    with trio.move_on_after(30):",
      "        await req.send(1)",
    ].join("\n");

  it("is not reported below an opening raise (sse-starlette examples/no_async_generators.py)", async () => {
    expect(await findingLines("src/app.py", lines(['    raise Exception("not compatible with uvicorn")', ""]))).toEqual(
      [],
    );
  });

  it("is reported when the raise is conditional or not the first statement", async () => {
    expect(await findingLines("src/app.py", lines(["    if req is None:", "        raise ValueError(req)"]))).toEqual([
      "7: no-hardcoded-timeout",
    ]);
    expect(await findingLines("src/app.py", lines(["    await req.open()"]))).toEqual(["6: no-hardcoded-timeout"]);
  });
});
