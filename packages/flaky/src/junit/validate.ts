import { SaxesParser } from "saxes";
import { FlakyError } from "../errors.ts";

/** An element as the JUnit walker reads it: its attributes, its kept children by name, its `#text`. */
export type XmlNode = Record<string, unknown>;

/** The elements a JUnit report's executions are read from; everything else (output, properties) is skipped. */
const KEPT = new Set([
  "testsuites",
  "testsuite",
  "testcase",
  "failure",
  "error",
  "skipped",
  "flakyFailure",
  "flakyError",
  "rerunFailure",
  "rerunError",
]);

/** The kept elements whose text is read (a failure's message and stack). */
const WITH_TEXT = new Set(["failure", "error", "flakyFailure", "flakyError", "rerunFailure", "rerunError"]);

/**
 * C0 controls XML 1.0 forbids. Some runners copy them (mostly colour codes) from a test's output into
 * their reports; they are dropped rather than failing a report every other consumer accepts.
 */
// eslint-disable-next-line no-control-regex -- the characters XML forbids
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex -- colour codes, then the other forbidden characters
const COLOUR = /\u001b\[[0-9;]*m/g;
// eslint-disable-next-line no-control-regex -- see FORBIDDEN
const FORBIDDEN_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Reads a report in one pass with a strict XML parser (saxes): well-formedness is checked while the
 * tree is built, and only what the JUnit walker reads is kept. The result has the root element under
 * its name, each kept child element in an array under its name, attributes as string properties.
 * Throws a `FlakyError` (`ORG_FLAKY_BAD_XML`) naming the file and line when the XML is malformed; a
 * truncated report (the usual way a CI job killed mid-write corrupts one) is reported at its last line
 * with the elements left open.
 */
export function readXml(text: string, file: string): XmlNode {
  if (text.trim() === "") throw badXml(file, 1, "the file is empty");
  const xml = FORBIDDEN.test(text) ? text.replace(COLOUR, "").replace(FORBIDDEN_ALL, "\uFFFD") : text;
  const parser = new SaxesParser({ position: true });
  const doc: XmlNode = {};
  const open: { name: string; node: XmlNode | null; line: number }[] = [];
  parser.on("opentag", (tag) => {
    const parent = open.at(-1);
    let node: XmlNode | null = null;
    if (parent === undefined) {
      node = { ...tag.attributes };
      doc[tag.name] = [node];
    } else if (parent.node !== null && KEPT.has(tag.name)) {
      node = { ...tag.attributes };
      const siblings = parent.node[tag.name];
      if (Array.isArray(siblings)) siblings.push(node);
      else parent.node[tag.name] = [node];
    }
    open.push({ name: tag.name, node, line: parser.line });
  });
  parser.on("closetag", () => {
    open.pop();
  });
  const onText = (chunk: string) => {
    const top = open.at(-1);
    if (top?.node && WITH_TEXT.has(top.name)) top.node["#text"] = ((top.node["#text"] as string) ?? "") + chunk;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("error", (error) => {
    const what = error.message.replace(/^\d+:\d+: /, "").replace(/\.$/, "");
    const top = open.at(-1);
    throw badXml(
      file,
      parser.line,
      what === "unexpected close tag" && top
        ? `a closing tag does not match <${top.name}> (opened at line ${top.line})`
        : what,
    );
  });
  parser.write(xml);
  if (open.length > 0) {
    const tags = open.map((o) => `<${o.name}> (opened at line ${o.line})`).reverse();
    throw badXml(
      file,
      xml.trimEnd().split("\n").length,
      `the file ends before ${tags.join(", ")} ${tags.length === 1 ? "is" : "are"} closed (truncated?)`,
    );
  }
  parser.close();
  return doc;
}

export function badXml(file: string, line: number, what: string): FlakyError {
  return new FlakyError(
    "ORG_FLAKY_BAD_XML",
    `${file}:${line}: not a valid JUnit XML report: ${what}. Nothing from this file was stored; fix or regenerate it and record again.`,
  );
}
