// Parameter defaults a body never reads: `async sendData(data, _timeout = 5000) { return this.queue.add(data) }`,
// `seeTraffic({ url, timeout = 10 }) { return seeTraffic.call(this, ...arguments) }` (the caller's own arguments go
// on; a default never reaches `arguments`). The default bounds nothing: nothing reads it.
import { type EsNode, FUNCTION_TYPES, isNode, span, unwrap } from "./ast.ts";

/** One default: the nodes a site judges it at (the pattern, and the destructured property around it). */
type Default = { name: string; sites: EsNode[]; body: [number, number] };

/** Collected during the one walk; `finish` hands the unread ones to `notDurations`. */
export class UnreadDefaults {
  private readonly defaults: Default[] = [];
  /** Offsets of every identifier, by name (property keys and member names included: a read, to be safe). */
  private readonly identifiers = new Map<string, number[]>();

  node(node: EsNode): void {
    if (node.type === "Identifier") {
      const at = span(node)[0];
      const seen = this.identifiers.get(node.name as string);
      if (seen) seen.push(at);
      else this.identifiers.set(node.name as string, [at]);
      return;
    }
    if (!FUNCTION_TYPES.has(node.type) || !isNode(node.body)) return;
    const body = span(node.body as EsNode);
    for (const raw of node.params as EsNode[]) {
      const param = raw.type === "TSParameterProperty" ? (raw.parameter as EsNode) : raw;
      // `constructor(private timeout = 5000)` stores the value on the object: read elsewhere, not in the body. (Where
      // the parser leaves no `TSParameterProperty`, the modifier still sits inside the pattern, before its name.)
      if (raw !== param || storedOnObject(param)) continue;
      this.param(param, body);
    }
  }

  private param(param: EsNode, body: [number, number]): void {
    if (param.type === "AssignmentPattern") {
      const left = unwrap(param.left as EsNode);
      if (left.type === "Identifier") this.defaults.push({ name: left.name as string, sites: [param], body });
      else this.param(left, body);
      return;
    }
    if (param.type !== "ObjectPattern") return;
    // `{ url, timeout = 10 }`: the property and its default are both sites.
    for (const property of param.properties as EsNode[]) {
      if (property.type !== "Property") continue;
      const value = property.value as EsNode;
      if (value.type !== "AssignmentPattern") continue;
      const left = unwrap(value.left as EsNode);
      if (left.type === "Identifier") this.defaults.push({ name: left.name as string, sites: [property, value], body });
    }
  }

  /** Offsets of every identifier of `name` (property keys and member names included). */
  uses(name: string): readonly number[] {
    return this.identifiers.get(name) ?? [];
  }

  /** Adds the sites of every default whose name the function's body never mentions. */
  finish(notDurations: Set<EsNode>): void {
    const sorted = new Set<number[]>();
    for (const { name, sites, body } of this.defaults) {
      const uses = this.identifiers.get(name) ?? [];
      // Minified bundles: thousands of defaults of a name used thousands of times; search, do not scan.
      if (!sorted.has(uses)) sorted.add(uses.sort((a, b) => a - b));
      let low = 0;
      let high = uses.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (uses[mid]! < body[0]) low = mid + 1;
        else high = mid;
      }
      if (low < uses.length && uses[low]! < body[1]) continue;
      for (const site of sites) notDurations.add(site);
    }
  }
}

/** `private timeout = 5000` read as a plain default: the pattern starts at a modifier, before the name it binds. */
function storedOnObject(param: EsNode): boolean {
  return param.type === "AssignmentPattern" && span(param)[0] < span(unwrap(param.left as EsNode))[0];
}
