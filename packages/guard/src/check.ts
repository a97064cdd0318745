import { extname } from "node:path";
import type { GuardConfig } from "./config.ts";
import { parseJavaScript } from "./detect/oxc.ts";
import type { RawFinding } from "./detect/types.ts";
import type { RuleId } from "./rules.ts";
import { checkOnDeepStack, IN_PROCESS_NESTING, MAX_NESTING } from "./deep.ts";
import { isDeclarationFile, isJavaScript, isPython, TYPESCRIPT } from "./extensions.ts";
import { nestingBound } from "./nesting.ts";
import { internalsOf, type PackageFacts } from "./package-facts-shape.ts";
import { mightHoldTimeout } from "./prefilter.ts";
import { applySuppressions, type SourceComment } from "./suppressions.ts";

/** One finding, in the shape of ESLint's JSON formatter (1-based lines and columns). */
export interface GuardMessage {
  ruleId: RuleId;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The result for one file, in the shape of ESLint's JSON formatter, plus its source for code frames. */
export interface FileResult {
  filePath: string;
  messages: GuardMessage[];
  errorCount: number;
  warningCount: number;
  source: string;
}

export function isCheckable(path: string): boolean {
  return isJavaScript(path) || isPython(path);
}

/**
 * Checks one file's text. `filePath` picks the language (and TS/JSX dialect) by its extension.
 * It never throws for what the file holds: an internal error becomes an `internal-error` finding
 * for this file, so one odd file cannot cost a run every other file's findings. Facts whose `internal` field
 * `packageFacts` did not build are the caller's mistake: a `GuardError` (`ORG_GUARD_FACTS`) is thrown.
 */
export async function checkSource(
  filePath: string,
  source: string,
  config: GuardConfig,
  packageFacts?: PackageFacts,
): Promise<FileResult> {
  return checkSourceScreened(filePath, source, config, packageFacts);
}

/**
 * Whether a JavaScript/TypeScript file may hold a finding past its parse (the prefilter, `mightHoldTimeout`, on its
 * text): undefined for any other file. A large run reads it once per file to send the files that may to one thread.
 */
export function mayReachDetector(filePath: string, source: string, config: GuardConfig): boolean | undefined {
  if (!isJavaScript(filePath)) return undefined;
  return mightHoldTimeout(source, config, "js", TYPESCRIPT.has(extname(filePath).toLowerCase()));
}

/**
 * `checkSource` with the file's `mayReachDetector` answer when the caller has it already (undefined: worked out here),
 * so a file's prefilter runs once per run.
 */
export async function checkSourceScreened(
  filePath: string,
  source: string,
  config: GuardConfig,
  packageFacts?: PackageFacts,
  mayReach?: boolean,
): Promise<FileResult> {
  internalsOf(packageFacts); // throws for a hand-built `internal`, before the file's own errors are caught
  // Types only: nothing in a declaration file runs (`isDeclarationFile`), so it holds no finding and is not parsed.
  if (isDeclarationFile(filePath)) return result(filePath, source, config, [], []);
  if (isJavaScript(filePath)) {
    // The JavaScript parser is native: nesting past its stack kills the process, not the file.
    const depth = nestingBound(source);
    if (depth > IN_PROCESS_NESTING) {
      const deep = depth <= MAX_NESTING ? checkOnDeepStack(filePath, source, config) : undefined;
      if (deep) return deep;
      return result(filePath, source, config, [tooDeep(depth)], []);
    }
  }
  return checkSourceOnThisStack(filePath, source, config, packageFacts, mayReach);
}

function tooDeep(depth: number): RawFinding {
  return {
    ruleId: "parse-error",
    start: 0,
    end: 0,
    message: `Nested about ${depth.toLocaleString("en")} levels deep: more than org-guard parses safely (${MAX_NESTING.toLocaleString("en")} with the built CLI, ${IN_PROCESS_NESTING.toLocaleString("en")} from sources). The file is not checked; generated code like this belongs in the ignore list.`,
  };
}

/** `checkSource` without the nesting guard: for a thread whose stack was sized for `source`. */
export async function checkSourceOnThisStack(
  filePath: string,
  source: string,
  config: GuardConfig,
  packageFacts?: PackageFacts,
  mayReach?: boolean,
): Promise<FileResult> {
  let raw: RawFinding[];
  let comments: SourceComment[] = [];
  try {
    ({ raw, comments } = await detect(filePath, source, config, packageFacts, mayReach));
  } catch (error) {
    raw = [
      {
        ruleId: "internal-error",
        start: 0,
        end: 0,
        message: `org-guard could not check this file (${(error as Error)?.message ?? String(error)}). The rest of the run is unaffected; please report it with the file.`,
      },
    ];
  }
  return result(filePath, source, config, raw, comments);
}

function result(
  filePath: string,
  source: string,
  config: GuardConfig,
  raw: RawFinding[],
  comments: SourceComment[],
): FileResult {
  const lines = lineIndex(source);
  const findings = applySuppressions(raw, comments, (offset) => lines.position(offset).line);
  const messages: GuardMessage[] = [];
  for (const finding of findings) {
    const severity = config.severities[finding.ruleId];
    if (severity === 0) continue;
    const start = lines.position(finding.start);
    const end = lines.position(finding.end);
    messages.push({
      ruleId: finding.ruleId,
      severity,
      message: finding.message,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
    });
  }
  messages.sort((a, b) => a.line - b.line || a.column - b.column);
  return {
    filePath,
    messages,
    errorCount: messages.filter((m) => m.severity === 2).length,
    warningCount: messages.filter((m) => m.severity === 1).length,
    source,
  };
}

async function detect(
  filePath: string,
  source: string,
  config: GuardConfig,
  packageFacts: PackageFacts | undefined,
  mayReach: boolean | undefined,
): Promise<{ raw: RawFinding[]; comments: SourceComment[] }> {
  const ext = extname(filePath).toLowerCase();
  // The Python checker (and its parser) is loaded with the first Python file: a JavaScript-only commit never compiles it.
  if (isPython(filePath))
    return (await import("./check-python.ts")).detectPythonFile(
      source,
      config,
      filePath,
      internalsOf(packageFacts)?.python,
    );
  const result = parseJavaScript(filePath, source, ext);
  const first = result.errors.find((error) => error.severity === "Error");
  if (first) {
    const label = first.labels?.[0];
    const start = label?.start ?? 0;
    return {
      raw: [{ ruleId: "parse-error", start, end: label?.end ?? start + 1, message: `Syntax error: ${first.message}` }],
      comments: [],
    };
  }
  if (!(mayReach ?? mightHoldTimeout(source, config, "js", TYPESCRIPT.has(ext)))) return { raw: [], comments: [] };
  // The detector is loaded with the first file that may hold a finding: a commit whose files cannot never compiles it.
  return (await import("./check-javascript.ts")).detectJavaScriptFile(
    filePath,
    result.source ?? source,
    result,
    config,
    packageFacts,
  );
}

interface LineIndex {
  position(offset: number): { line: number; column: number };
}

/** Line starts are found on the first lookup: most files have no finding and never need them. */
function lineIndex(source: string): LineIndex {
  let starts: number[] | undefined;
  return {
    position(offset) {
      if (!starts) {
        starts = [0];
        for (let i = source.indexOf("\n"); i >= 0; i = source.indexOf("\n", i + 1)) starts.push(i + 1);
      }
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid]! <= offset) low = mid;
        else high = mid - 1;
      }
      return { line: low + 1, column: offset - starts[low]! + 1 };
    },
  };
}
