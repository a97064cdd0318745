// A MEASURING WINDOW: memory_profiler's `memory_usage(proc=-1, interval=0.1, timeout=None, ...)`
// (https://github.com/pythonprofilers/memory_profiler) samples a process's memory every `interval` seconds. With `proc`
// the current process (`-1`, its default) it samples for `timeout` seconds and returns the samples: the call is a timed
// measurement, like a sleep of that length, and nothing it waits for can fail to come. With a pid or a `Popen` it waits
// for that process to end, bounded by the timeout, and with a callable it measures the call: those stay reported.
import type { Node as TsNode } from "web-tree-sitter";
import type { PyFacts } from "./facts.ts";
import { unwrap } from "./syntax.ts";

const MEMORY_USAGE = /^memory_profiler\.memory_usage$/;
/** `memory_usage`'s positions: `proc` first, `timeout` third. */
const TIMEOUT_AT = 2;

/** Whether `node` (an argument of `call`) is how long `memory_usage` samples the current process. */
export function measuringWindow(facts: PyFacts, call: TsNode, node: TsNode): boolean {
  const callee = call.childForFieldName("function");
  if (!callee || !MEMORY_USAGE.test(facts.resolve(callee.text))) return false;
  const items = (call.childForFieldName("arguments")?.namedChildren ?? []).filter(
    (a): a is TsNode => a !== null && a.type !== "comment",
  );
  const positional = items.filter((a) => a.type !== "keyword_argument");
  const keyword = (name: string) =>
    items
      .find((a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === name)
      ?.childForFieldName("value");
  const timeout = positional[TIMEOUT_AT] ?? keyword("timeout");
  if (timeout?.id !== node.id) return false;
  const proc = positional[0] ?? keyword("proc");
  return proc === undefined || proc === null || currentProcess(facts, proc);
}

// `-1`: memory_profiler's name for the current process.
function currentProcess(facts: PyFacts, proc: TsNode): boolean {
  const value = unwrap(proc);
  return value.type === "unary_operator" && facts.evaluate(value) === -1;
}
