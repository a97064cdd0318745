// The command line of the eval and bench scripts: one option table drives parsing and `--help`, and a usage error names the
// option, says what is wrong and exits 2 instead of ending in a stack trace.
import { parseArgs } from "node:util";

/**
 * Parses `process.argv` for `script` (its path in the package, as `eval/run.mjs`) by `options` (node:util parseArgs options, each with a `help` line and, for a
 * string, a `value` placeholder). `--help` prints the usage, `summary` and the option table and exits 0; an unknown
 * option, a missing value or a failed `check` (which returns an error text, or nothing when the arguments are fine)
 * prints the error and the usage line and exits 2.
 */
export function scriptArgs(script, { summary, options, positionals: positionalNames = "", check }) {
  const table = { ...options, help: { type: "boolean", short: "h", help: "show this help" } };
  const usage = `usage: node ${script}${positionalNames ? ` ${positionalNames}` : ""} ${Object.entries(options)
    .map(([name, o]) => `[--${name}${o.type === "string" ? ` ${o.value ?? "value"}` : ""}]${o.multiple ? "..." : ""}`)
    .join(" ")}`;
  const fail = (text) => {
    console.error(`${script}: ${text}\n${usage}\n(run with --help for the options)`);
    process.exit(2);
  };
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: positionalNames !== "",
      options: Object.fromEntries(
        Object.entries(table).map(([name, { help: _help, value: _value, ...o }]) => [name, o]),
      ),
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) {
    const width = Math.max(...Object.keys(table).map((name) => name.length)) + 2;
    console.log(`${usage}\n\n${summary}\n`);
    for (const [name, o] of Object.entries(table)) {
      const shown = `${o.short ? `-${o.short}, ` : "    "}--${name}`.padEnd(width + 6);
      console.log(
        `  ${shown}${o.help}${o.default === undefined || o.type === "boolean" ? "" : ` (default ${o.default})`}`,
      );
    }
    process.exit(0);
  }
  const problem = check?.(parsed.values, parsed.positionals);
  if (problem) fail(problem);
  return parsed;
}

/** The error text for set names that eval/corpus.json does not have, or nothing. */
export function unknownSets(corpus, names) {
  const missing = names.filter((name) => !(name in corpus.sets));
  if (missing.length === 0) return undefined;
  const known = Object.keys(corpus.sets);
  return `no set ${missing.map((n) => `"${n}"`).join(", ")} in eval/corpus.json; it has ${known.length} sets: ${known.slice(0, 4).join(", ")}, ..., ${known.at(-1)}`;
}
