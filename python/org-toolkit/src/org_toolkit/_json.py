"""The strict JSON reader of @org/config (packages/config/src/json.ts), for ORG_REGIONS and the config file.

Unlike ``json.loads`` it says where text is wrong by line and column only, never by quoting it (the
text may hold a password); refuses duplicate keys and the keys ``__proto__``, ``constructor`` and
``prototype``; bounds nesting; and refuses numbers written with an exponent, so every source shares
one number grammar. Reasons and positions are @org/config's, word for word (columns count UTF-16
code units, as JavaScript does), so both languages refuse the same text with the same message.
"""

from __future__ import annotations

import re
from typing import Any, NoReturn

MAX_JSON_DEPTH = 32
"""How deep objects and arrays may nest; a topology needs 5 levels."""

_FORBIDDEN_KEYS = frozenset({"__proto__", "constructor", "prototype"})
_SPACE = frozenset(" \t\n\r")
_SIMPLE_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?")
_HEX4 = re.compile(r"[0-9a-fA-F]{4}")


class JsonProblem(ValueError):
    """Why the text is not accepted, with its line and column."""


def parse_json(text: str) -> Any:
    """Parses ``text``; raises :class:`JsonProblem` saying what and where (``line 3, column 7``)."""
    reader = _Reader(text[1:] if text.startswith("\ufeff") else text)
    reader.space()
    value = reader.value(0)
    reader.space()
    if reader.pos < len(reader.text):
        reader.fail("unexpected text after the JSON value")
    return value


def _utf16_length(text: str) -> int:
    return sum(2 if ord(c) > 0xFFFF else 1 for c in text)


def _js_slice(text: str, units: int) -> str:
    """``text.slice(0, units)`` as JavaScript counts: UTF-16 code units."""
    out: list[str] = []
    used = 0
    for c in text:
        width = 2 if ord(c) > 0xFFFF else 1
        if used + width > units:
            if used < units:  # JavaScript keeps the high surrogate of a pair cut in half
                out.append(chr(0xD800 + ((ord(c) - 0x10000) >> 10)))
            break
        out.append(c)
        used += width
    return "".join(out)


def js_string(text: str) -> str:
    """``JSON.stringify(text)``: the same escapes as JavaScript (control characters, lone surrogates)."""
    out = ['"']
    for c in text:
        code = ord(c)
        if c == '"':
            out.append('\\"')
        elif c == "\\":
            out.append("\\\\")
        elif c in "\b\f\n\r\t":
            out.append({"\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}[c])
        elif code < 0x20 or 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def fail(self, what: str, at: int | None = None) -> NoReturn:
        where = self.pos if at is None else at
        before = self.text[: min(where, len(self.text))]
        line = before.count("\n") + 1
        line_start = before.rfind("\n") + 1
        column = _utf16_length(before[line_start:]) + max(0, where - len(self.text)) + 1
        raise JsonProblem(f"{what} at line {line}, column {column}")

    def peek(self) -> str | None:
        return self.text[self.pos] if self.pos < len(self.text) else None

    def space(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in _SPACE:
            self.pos += 1

    def value(self, depth: int) -> Any:
        if depth > MAX_JSON_DEPTH:
            self.fail(f"nesting deeper than {MAX_JSON_DEPTH} levels")
        c = self.peek()
        if c == "{":
            return self.object(depth + 1)
        if c == "[":
            return self.array(depth + 1)
        if c == '"':
            return self.string()
        if c is not None and (c == "-" or "0" <= c <= "9"):
            return self.number()
        for word, value in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return value
        self.fail("unexpected end of the text" if c is None else "unexpected character")

    def object(self, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        self.pos += 1
        self.space()
        if self.peek() == "}":
            self.pos += 1
            return out
        while True:
            self.space()
            key_at = self.pos
            if self.peek() != '"':
                self.fail("expected a quoted key")
            key = self.string()
            if key in _FORBIDDEN_KEYS:
                self.fail(f'the key "{key}" is not allowed', key_at)
            if key in out:
                self.fail(f"duplicate key {js_string(_js_slice(key, 60))}", key_at)
            self.space()
            if self.peek() != ":":
                self.fail('expected ":" after a key')
            self.pos += 1
            self.space()
            out[key] = self.value(depth)
            self.space()
            following = self.peek()
            self.pos += 1
            if following == "}":
                return out
            if following != ",":
                self.fail('expected "," or "}"', self.pos - 1)
            self.space()
            if self.peek() == "}":
                self.fail("trailing comma")

    def array(self, depth: int) -> list[Any]:
        out: list[Any] = []
        self.pos += 1
        self.space()
        if self.peek() == "]":
            self.pos += 1
            return out
        while True:
            self.space()
            out.append(self.value(depth))
            self.space()
            following = self.peek()
            self.pos += 1
            if following == "]":
                return out
            if following != ",":
                self.fail('expected "," or "]"', self.pos - 1)
            self.space()
            if self.peek() == "]":
                self.fail("trailing comma")

    def string(self) -> str:
        start = self.pos
        self.pos += 1
        out: list[str] = []
        while True:
            c = self.peek()
            if c is None:
                self.fail("unterminated string", start)
            if c == '"':
                self.pos += 1
                return _join_surrogates("".join(out))
            if c < " ":
                self.fail("control character in a string")
            if c == "\\":
                e = self.text[self.pos + 1] if self.pos + 1 < len(self.text) else None
                if e is not None and e in _SIMPLE_ESCAPES:
                    out.append(_SIMPLE_ESCAPES[e])
                    self.pos += 2
                elif e == "u" and _HEX4.fullmatch(self.text, self.pos + 2, self.pos + 6):
                    out.append(chr(int(self.text[self.pos + 2 : self.pos + 6], 16)))
                    self.pos += 6
                else:
                    self.fail("invalid escape in a string")
                continue
            out.append(c)
            self.pos += 1

    def number(self) -> int | float:
        match = _NUMBER.match(self.text[self.pos : self.pos + 400])
        if not match:
            self.fail("invalid number")
        if match.group(3):
            self.fail("numbers are written as plain digits (10000, not 1e4)")
        self.pos += len(match.group(0))
        if match.group(2) is None:
            return int(match.group(0))
        number = float(match.group(0))
        # JavaScript has one number type: 30000.0 is 30000.
        return int(number) if number.is_integer() else number


def _join_surrogates(text: str) -> str:
    # "\ud83d\ude00" escapes make one character in JavaScript; chr() left them as two halves.
    if not any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
