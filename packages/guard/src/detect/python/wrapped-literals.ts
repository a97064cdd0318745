// A literal in a wrapper: `timedelta(seconds=0.01)`, `Option(120.0)`, `Field(default=60)`, `float("inf")`.
import type { Node as TsNode } from "web-tree-sitter";
import { matchApi } from "../../apis.ts";
import type { PyFacts } from "./facts.ts";
import type { Classified } from "./values.ts";

function keywordValue(values: TsNode[], name: string): TsNode | undefined {
  const argument = values.find((a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === name);
  return argument?.childForFieldName("value") ?? undefined;
}

const INFINITY = /^["'][+]?inf(inity)?["']$/i;

/** `float("inf")`, `math.inf`: infinity as Python code spells it. */
export function spellsInfinity(node: TsNode): boolean {
  const text = node.text.replace(/\s+/g, "");
  if (/^(math|numpy|np)\.inf$/.test(text)) return true;
  const match = /^float\((.*)\)$/.exec(text);
  return node.type === "call" && match !== null && INFINITY.test(match[1]!);
}

// `timedelta(seconds=0.01)`, `Option(120.0)`, `float("inf")`: a literal in a wrapper.
export function wrappedLiteral(facts: PyFacts, call: TsNode): Omit<Classified, "node"> | undefined {
  const callee = call.childForFieldName("function");
  const args = call.childForFieldName("arguments");
  if (!callee || !args) return undefined;
  const name = callee.text.replace(/\s+/g, "");
  const last = name.slice(name.lastIndexOf(".") + 1);
  const values = args.namedChildren.filter((a): a is TsNode => a !== null && a.type !== "comment");
  if (last === "float" && values.length === 1 && INFINITY.test(values[0]!.text)) {
    return { kind: "unbounded", literal: call.text };
  }
  if (values.length === 0) return undefined;
  // `timeout: int = Field(gt=0, default=60)`: a setting's declared default.
  const declared = keywordValue(values, "default");
  if (declared && (facts.evaluate(declared) ?? 0) > 0 && /^[A-Z]\w*$/.test(last))
    return { kind: "hardcoded", literal: `${name}(default=${declared.text})` };
  // `Option(4.0, type="float")`: a setting's default, its options beside it.
  const positional = values.filter((a) => a.type !== "keyword_argument");
  if (positional.length === 1 && values.length > 1 && /^[A-Z]\w*$/.test(last) && last !== "Timeout") {
    const value = facts.evaluate(positional[0]!);
    const options = values.filter((a) => a.type === "keyword_argument").map((a) => a.childForFieldName("value"));
    if (value !== undefined && value > 0 && options.every((o) => o?.type !== "integer" && o?.type !== "float"))
      return { kind: "hardcoded", literal: `${name}(${positional[0]!.text}, ...)` };
  }
  const numbers = values.map((a) => facts.evaluate(a.type === "keyword_argument" ? a.childForFieldName("value")! : a));
  if (!numbers.every((n) => n !== undefined && n >= 0) || !numbers.some((n) => n! > 0)) return undefined;
  if (last === "timedelta") return { kind: "hardcoded", literal: call.text };
  // `Timeout(70.0, connect=10.0)` of any library: a timeout object made of literals (a known API's own
  // constructor, `httpx.Timeout`, reports each of its literals where it is called).
  if (/Timeout$/.test(last) && !matchApi(facts.options.apis, "python", facts.resolve(name)))
    return { kind: "hardcoded", literal: call.text };
  // A one-argument wrapper of a number: `Option(120.0)`, `float(5)`, `Decimal(3)`.
  if (values.length === 1 && values[0]!.type !== "keyword_argument" && /^([A-Z]\w*|int|float)$/.test(last)) {
    return { kind: "hardcoded", literal: call.text };
  }
  return undefined;
}
