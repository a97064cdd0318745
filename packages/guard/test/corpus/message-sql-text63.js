// JS `no-unbounded-timeout`, session 63 (issue 9), from blind set fresh391 (x64dbg-mcp-server): an error's message
// that tells the user how to lift a limit (`set X64DBG_MCP_TIMEOUT=0 to wait indefinitely`) is advice, not SQL the
// code sends. The same `SET ... timeout = 0` in a query is reported.
export async function call(config, db, path) {
  try {
    return await fetch(path, { signal: AbortSignal.timeout(config.timeout) });
  } catch (error) {
    if (error.name === "AbortError")
      throw new Error(
        `Request aborted after ${config.timeout}ms (X64DBG_MCP_TIMEOUT). Raise the limit with ` +
          `X64DBG_MCP_TIMEOUT=<ms>, or set X64DBG_MCP_TIMEOUT=0 to wait indefinitely.`,
      );
    console.warn("retrying; set X64DBG_MCP_TIMEOUT=0 to wait for good");
    await db.query("SET LOCAL statement_timeout = 0"); // expect: no-unbounded-timeout
    throw error;
  }
}
