// A state machine's named delays that pace a pointer-driven UI (session 26, guard-ui26). xstate's `setup({ delays: {
// "open timeout": 500, "close timeout": 350 } })` names durations its states' `after: { "open timeout": { target:
// "active" } }` transitions take: the machine moves on by itself once the pointer has rested (or left) that long. Read
// from how the value flows, not from its name: an entry of a `delays` table is such a pause when every state whose
// `after` uses it runs nothing (no `invoke`: no request, promise or child actor the delay could bound), none of those
// transitions goes to a failure (`target: "failed"`, `"#timedOut"`), and the machine's events are pointer events
// (`"xyedge.mouseEnter"`, `"dropdown.mouseLeave"`). A delay computed from the machine's context (`"open timeout": ({
// context }) => context.openTimeout`) takes the same verdict for the literals the file writes under that context key
// (`openTimeout: 800` in the initial context and in `assign`). An `after` delay of a state that invokes a fetch, or
// that leads to an error state, stays a timeout.
import { type EsNode, isNode, memberName, propertyName, span, unwrap } from "./ast.ts";

/** Event types a pointer or a touch sends: `"xyedge.mouseEnter"`, `"pointerdown"`, `"node.hover"`. */
const POINTER_EVENT = /mouse|pointer|hover|touch|drag/i;
/** A transition's target that says the state it bounds failed or ran out of time. */
const FAILURE_TARGET = /fail|err|time[ds]?_?out|abort|cancel|reject|expire|stall/i;

type Use = { state: EsNode; transition: EsNode };

/** Object literals of one file, read as xstate's machine configs once the walk is done (`finish`). */
export class MachineDelays {
  /** Entries of the file's `delays: { ... }` tables. */
  private readonly entries: EsNode[] = [];
  /** Per delay name, the states whose `after` uses it, with the transition taken. */
  private readonly uses = new Map<string, Use[]>();
  /** Whether a state's `on` names a pointer event. */
  private pointerEvents = false;
  /** Properties whose value is a number literal, by key: the candidates of a context key a delay reads. */
  private readonly literals = new Map<string, EsNode[]>();

  /** One object literal of the walk. */
  object(node: EsNode): void {
    for (const property of node.properties as EsNode[]) {
      if (property.type !== "Property" || !isNode(property.value)) continue;
      const key = propertyName(property);
      if (key === undefined) continue;
      const value = unwrap(property.value as EsNode);
      if (value.type === "Literal" && typeof value.value === "number") push(this.literals, key, property);
      if (value.type !== "ObjectExpression") continue;
      const inner = (value.properties as EsNode[]).filter((p) => p.type === "Property");
      if (key === "delays") this.entries.push(...inner);
      else if (key === "after")
        for (const entry of inner) {
          const name = propertyName(entry);
          if (name !== undefined) push(this.uses, name, { state: node, transition: entry.value as EsNode });
        }
      else if (key === "on" && inner.some((entry) => POINTER_EVENT.test(propertyName(entry) ?? "")))
        this.pointerEvents = true;
    }
  }

  /** The `delays` entries (and the context literals they read) that only pace the machine's pointer-driven states. */
  finish(notDurations: Set<EsNode>, source: string): void {
    if (!this.pointerEvents) return;
    for (const entry of this.entries) {
      const name = propertyName(entry);
      const uses = name === undefined ? undefined : this.uses.get(name);
      if (!uses?.length || !uses.every((use) => pacesOnly(use, source))) continue;
      notDurations.add(entry);
      for (const key of contextKeysRead(entry.value as EsNode))
        for (const literal of this.literals.get(key) ?? []) notDurations.add(literal);
    }
  }
}

/** The state runs nothing the delay could bound (no `invoke`) and the transition leads to no failure. */
function pacesOnly({ state, transition }: Use, source: string): boolean {
  if ((state.properties as EsNode[]).some((p) => p.type === "Property" && propertyName(p) === "invoke")) return false;
  return !targets(transition).some((target) => FAILURE_TARGET.test(source.slice(...span(target))));
}

/** The targets a transition (a target string, `{ target, actions }`, or an array of them) names. */
function targets(raw: EsNode): EsNode[] {
  const node = unwrap(raw);
  if (node.type === "ArrayExpression")
    return (node.elements as (EsNode | null)[]).flatMap((e) => (e ? targets(e) : []));
  if (node.type !== "ObjectExpression") return [node];
  return (node.properties as EsNode[])
    .filter((p) => p.type === "Property" && propertyName(p) === "target")
    .map((p) => p.value as EsNode);
}

/** `({ context }) => context.openTimeout`: the context keys a computed delay returns. */
function contextKeysRead(raw: EsNode): string[] {
  const node = unwrap(raw);
  if (node.type !== "ArrowFunctionExpression" && node.type !== "FunctionExpression") return [];
  let body = node.body as EsNode;
  if (body.type === "BlockStatement") {
    const last = (body.body as EsNode[]).at(-1);
    if (last?.type !== "ReturnStatement" || !isNode(last.argument)) return [];
    body = last.argument as EsNode;
  }
  body = unwrap(body);
  if (body.type !== "MemberExpression") return [];
  const object = unwrap(body.object as EsNode);
  const local = contextLocal((node.params as EsNode[])[0]);
  const fromContext =
    (object.type === "Identifier" && object.name === local) ||
    (object.type === "MemberExpression" && memberName(object) === "context");
  const key = fromContext ? memberName(body) : undefined;
  return key === undefined ? [] : [key];
}

/** The local the machine's context is read through: `context`, or `context2` in `({ context: context2 }) => ...`. */
function contextLocal(param: EsNode | undefined): string {
  if (param?.type !== "ObjectPattern") return "context";
  for (const property of param.properties as EsNode[]) {
    if (property.type !== "Property" || propertyName(property) !== "context") continue;
    const value = unwrap(property.value as EsNode);
    if (value.type === "Identifier") return value.name as string;
  }
  return "context";
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
