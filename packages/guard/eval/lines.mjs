// The lines of a package a reviewer would look at for a timeout, as `run.mjs` samples them, and a listing of them for
// labellers: `node eval/lines.mjs <package dir>...` prints every timeout-looking line as `path:line: text`, and a
// count per package, without running the checker (a blind set's lines are labelled before any checker run).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

// Lines a reviewer would look at for a missed timeout (strings, comments, subscripts and `is None`
// tests removed first): a timeout-ish word, a blocking call with a literal argument, or a timer; and a literal.
const LOOKS_TIMEOUTISH =
  /timeout|deadline|\.(wait|join|poll|select|acquire|get|settimeout)\s*\(\s*(True|False|None|\d)|urlopen|HTTPS?Connection\s*\(|wait_for|\bsetTimeout\s*\(/i;
const HAS_LITERAL = /(?<![\w.$])(\d[\d_]*(\.\d+)?(e\d+)?|None|Infinity|inf)(?![\w$])/;
// A string: its quote, then escapes or characters that are neither its quote nor a backslash, then the quote. Each
// character has one way to match, so a line with an unclosed quote and many backslashes costs linear time (with `.`
// for the second branch, a backslash matched either way and such a line hung the run: python3-scalene's prism.js).
const STRING = /(["'`])(?:\\.|(?!\1)[^\\])*\1/g;
export function codeOf(line, language) {
  let code = line.replace(STRING, '""');
  code = language === "python" ? code.replace(/#.*/, "") : code.replace(/\/\/.*/, "");
  if (/^\s*(\*|\/\*|>>>|\.\.\.)/.test(code)) return "";
  return code.replace(/\[\s*-?\d+\s*\]/g, "[i]").replace(/\b(is not|is|==|!=)\s+None\b/g, "");
}

export function sourceFiles(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(path, out);
    // Only regular files: a Debian package's symlinks point into the host's /usr.
    else if (entry.isFile() && /\.(py|[cm]?[jt]sx?)$/.test(entry.name) && !/\.d\.[cm]?ts$|\.min\.js$/.test(entry.name))
      out.push(path);
  }
  return out;
}

/**
 * Whether a line is "timeout-looking": a timeout-ish word, a blocking call with a literal argument or a timer, and a
 * literal, once strings, comments, subscripts and `is None` tests are removed. Lines over 300 characters (minified
 * code) are not.
 * @param {string} line
 * @param {"js" | "python"} language
 */
export function looksTimeoutish(line, language) {
  if (line.length > 300) return false;
  const code = codeOf(line, language);
  return LOOKS_TIMEOUTISH.test(code) && HAS_LITERAL.test(code);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dirs = process.argv.slice(2);
  if (!dirs.length) {
    console.error("usage: node eval/lines.mjs <package dir>...  (prints the timeout-looking lines of each)");
    process.exit(2);
  }
  for (const dir of dirs) {
    let count = 0;
    let bytes = 0;
    const files = sourceFiles(dir);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      bytes += Buffer.byteLength(text);
      const language = file.endsWith(".py") ? "python" : "js";
      text.split("\n").forEach((line, index) => {
        if (!looksTimeoutish(line, language)) return;
        count++;
        console.log(`${relative(dir, file)}:${index + 1}: ${line.trim()}`);
      });
    }
    console.log(`# ${dir}: ${files.length} files, ${(bytes / 1e6).toFixed(2)} MB, ${count} timeout-looking lines`);
  }
}
