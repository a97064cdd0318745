/**
 * Where JSON text first goes wrong, as `line L, column C`, so an error can say where without quoting
 * the text (a response body may hold tokens). A scanner with an explicit stack: no recursion, so
 * deeply nested input cannot overflow it.
 */
export function jsonErrorPosition(text: string): string {
  const offset = firstErrorOffset(text);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- JSON strings may not hold raw control characters
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

function firstErrorOffset(text: string): number {
  const stack: ("{" | "[")[] = [];
  let i = 0;
  // What may come next: a value, an object key, or "," / a closing bracket.
  let expect: "value" | "key" | "after" = "value";
  const skip = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const match = (re: RegExp) => {
    re.lastIndex = i;
    const m = re.exec(text);
    if (m) i += m[0].length;
    return m !== null;
  };
  for (;;) {
    skip();
    const c = text[i];
    if (expect === "after") {
      if (stack.length === 0) return i;
      const top = stack.at(-1);
      if (c === ",") {
        i++;
        expect = top === "{" ? "key" : "value";
      } else if ((c === "}" && top === "{") || (c === "]" && top === "[")) {
        i++;
        stack.pop();
      } else return i;
      continue;
    }
    if (expect === "key") {
      if (c === "}" && text[i - 1] !== "," && stack.at(-1) === "{") {
        i++;
        stack.pop();
        expect = "after";
        continue;
      }
      if (!match(STRING)) return i;
      skip();
      if (text[i] !== ":") return i;
      i++;
      expect = "value";
      continue;
    }
    if (c === "{" || c === "[") {
      stack.push(c);
      i++;
      skip();
      if (c === "[" && text[i] === "]") {
        i++;
        stack.pop();
        expect = "after";
      } else expect = c === "{" ? "key" : "value";
      continue;
    }
    if (
      match(STRING) ||
      match(NUMBER) ||
      ["true", "false", "null"].some((w) => text.startsWith(w, i) && (i += w.length))
    ) {
      expect = "after";
      continue;
    }
    return i;
  }
}
