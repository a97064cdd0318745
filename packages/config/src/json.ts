/**
 * A strict JSON reader for configuration text (ORG_REGIONS, the config file). Unlike JSON.parse it
 * reports where text is wrong by line and column only, never by quoting it (the text may hold a
 * password); refuses duplicate keys and the keys `__proto__`, `constructor` and `prototype`; bounds
 * nesting; and refuses numbers written with an exponent, so that every source shares one number
 * grammar (plain digits).
 */

/** How deep objects and arrays may nest; a topology needs 5 levels. */
export const MAX_JSON_DEPTH = 32;

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export type JsonResult = { ok: true; value: unknown } | { ok: false; reason: string };

class JsonProblem extends Error {}

/** Parses `text`; on failure `reason` says what and where (`line 3, column 7`), without quoting the text. */
export function parseJson(text: string): JsonResult {
  const reader = new Reader(text.startsWith("\uFEFF") ? text.slice(1) : text);
  try {
    reader.space();
    const value = reader.value(0);
    reader.space();
    if (reader.pos < reader.text.length) reader.fail("unexpected text after the JSON value");
    return { ok: true, value };
  } catch (error) {
    if (error instanceof JsonProblem) return { ok: false, reason: error.message };
    throw error;
  }
}

class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  fail(what: string, at = this.pos): never {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < at && i < this.text.length; i++) {
      if (this.text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    throw new JsonProblem(`${what} at line ${line}, column ${at - lineStart + 1}`);
  }

  space(): void {
    while (/[ \t\n\r]/.test(this.text[this.pos] ?? "")) this.pos++;
  }

  value(depth: number): unknown {
    if (depth > MAX_JSON_DEPTH) this.fail(`nesting deeper than ${MAX_JSON_DEPTH} levels`);
    const c = this.text[this.pos];
    if (c === "{") return this.object(depth + 1);
    if (c === "[") return this.array(depth + 1);
    if (c === '"') return this.string();
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return this.number();
    for (const [word, value] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    return this.fail(c === undefined ? "unexpected end of the text" : "unexpected character");
  }

  object(depth: number): Record<string, unknown> {
    // A null-prototype object: no key of the text can reach Object.prototype.
    const out = Object.create(null) as Record<string, unknown>;
    this.pos++;
    this.space();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return out;
    }
    for (;;) {
      this.space();
      const keyAt = this.pos;
      if (this.text[this.pos] !== '"') this.fail("expected a quoted key");
      const key = this.string();
      if (FORBIDDEN_KEYS.has(key)) this.fail(`the key "${key}" is not allowed`, keyAt);
      if (Object.hasOwn(out, key)) this.fail(`duplicate key ${JSON.stringify(key.slice(0, 60))}`, keyAt);
      this.space();
      if (this.text[this.pos] !== ":") this.fail('expected ":" after a key');
      this.pos++;
      this.space();
      out[key] = this.value(depth);
      this.space();
      const next = this.text[this.pos];
      this.pos++;
      if (next === "}") return out;
      if (next !== ",") this.fail('expected "," or "}"', this.pos - 1);
      this.space();
      if (this.text[this.pos] === "}") this.fail("trailing comma");
    }
  }

  array(depth: number): unknown[] {
    const out: unknown[] = [];
    this.pos++;
    this.space();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return out;
    }
    for (;;) {
      this.space();
      out.push(this.value(depth));
      this.space();
      const next = this.text[this.pos];
      this.pos++;
      if (next === "]") return out;
      if (next !== ",") this.fail('expected "," or "]"', this.pos - 1);
      this.space();
      if (this.text[this.pos] === "]") this.fail("trailing comma");
    }
  }

  string(): string {
    const start = this.pos;
    this.pos++;
    let out = "";
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) this.fail("unterminated string", start);
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c < " ") this.fail("control character in a string");
      if (c === "\\") {
        const e = this.text[this.pos + 1];
        const simple: Record<string, string> = {
          '"': '"',
          "\\": "\\",
          "/": "/",
          b: "\b",
          f: "\f",
          n: "\n",
          r: "\r",
          t: "\t",
        };
        if (e !== undefined && e in simple) {
          out += simple[e];
          this.pos += 2;
        } else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) {
          out += String.fromCharCode(Number.parseInt(this.text.slice(this.pos + 2, this.pos + 6), 16));
          this.pos += 6;
        } else {
          this.fail("invalid escape in a string");
        }
        continue;
      }
      out += c;
      this.pos++;
    }
  }

  number(): number {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!match) return this.fail("invalid number");
    if (match[3]) this.fail("numbers are written as plain digits (10000, not 1e4)");
    this.pos += match[0].length;
    return Number(match[0]);
  }
}
