import { XMLValidator } from "fast-xml-parser";
import { FlakyError } from "../errors.ts";

/**
 * Refuses XML that is not well formed, naming the file and line. A truncated report (the usual way a
 * CI job killed mid-write corrupts one) is reported at its last line with the elements left open.
 */
export function assertWellFormed(xml: string, file: string): void {
  if (xml.trim() === "") throw badXml(file, 1, "the file is empty");
  const result = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (result === true) return;
  const { msg, line } = result.err;
  const unclosed = /^Invalid '\[(.*)\]' found\.$/s.exec(msg.replace(/\s+/g, " "));
  if (unclosed) {
    const tags = [...unclosed[1]!.matchAll(/"([^"]+)"/g)].map((m) => `<${m[1]}>`);
    const last = xml.trimEnd().split("\n").length;
    throw badXml(
      file,
      last,
      `the file ends before ${tags.reverse().join(", ")} ${tags.length === 1 ? "is" : "are"} closed (truncated?)`,
    );
  }
  const open = /^Unclosed tag '([^']+)'/.exec(msg);
  if (open) {
    const last = xml.trimEnd().split("\n").length;
    throw badXml(file, last, `the file ends before <${open[1]}> (opened at line ${line}) is closed (truncated?)`);
  }
  throw badXml(file, line, msg);
}

export function badXml(file: string, line: number, what: string): FlakyError {
  return new FlakyError(
    "ORG_FLAKY_BAD_XML",
    `${file}:${line}: not a valid JUnit XML report: ${what}. Nothing from this file was stored; fix or regenerate it and record again.`,
  );
}
